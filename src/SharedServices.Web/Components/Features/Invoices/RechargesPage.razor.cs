using SharedServices.Core;
using SharedServices.Core.Invoicing;
using SharedServices.Core.Organisations;
using SharedServices.Core.Partnerships;
using SharedServices.Core.Recharging;
using SharedServices.Domain;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Recharging;
using SharedServices.Web.Components.Shared;

namespace SharedServices.Web.Components.Features.Invoices;

public partial class RechargesPage
{
    private const string PeriodId = "recharge-period", ScopeId = "recharge-scope";

    private string? _periodText;
    private string? _periodError, _scopeError;
    private RechargeScope _scope = RechargeScope.Partnership;
    private int _partnershipId, _providerId;
    private IReadOnlyList<PartnershipChoice> _partnerships = [];
    private IReadOnlyList<OrganisationRow> _organisations = [];
    private IReadOnlyList<RechargeRun>? _recent;
    private IReadOnlyDictionary<int, int> _issuedByRun = new Dictionary<int, int>();
    private FormErrors? _summary, _issueSummary;

    private bool _running, _issuing;
    private CancellationTokenSource? _cancel;
    private RechargeProgress? _progress;
    private string? _stopped;
    private RechargeOutcome? _outcome;
    private string? _outcomePeriod;
    private IReadOnlyList<InvoiceSummary> _drafts = [];
    private DateOnly? _issueDate;
    private IReadOnlyList<string> _issued = [];

    protected override async Task OnInitializedAsync()
    {
        _issueDate = Clock.Today();
        _partnerships = await Partnerships.ChoicesAsync();
        _organisations = await Organisations.ListAsync();
        await LoadRecentAsync();
    }

    private static string ScopeChoice(RechargeScope scope) => scope switch
    {
        RechargeScope.Everything => "Every partnership",
        RechargeScope.Partnership => "One partnership",
        _ => "One provider",
    };

    private string PartnershipName(int id) => _partnerships.FirstOrDefault(p => p.Id == id)?.Name ?? "";

    private string OrganisationName(int id) => _organisations.FirstOrDefault(o => o.Id == id)?.Name ?? "";

    private string ScopeOf(RechargeRun run) => run.Scope switch
    {
        RechargeScope.Everything => "Every partnership",
        RechargeScope.Partnership => run.ScopeId is { } p ? PartnershipName(p) : "One partnership",
        _ => run.ScopeId is { } o ? OrganisationName(o) : "One provider",
    };

    private static string PeriodLabel(string code)
    {
        try
        {
            return RechargePeriod.Parse(code).Label;
        }
        catch (DomainException)
        {
            return code;
        }
    }

    private async Task RunAsync()
    {
        // A second click while a run is going is ignored here as well as by the disabled button (and the Core refuses too).
        if (_running) return;
        _periodError = _scopeError = _stopped = null;
        _outcome = null;
        _drafts = [];
        _issued = [];
        var errors = new List<FormError>();
        RechargePeriod? period = null;
        try
        {
            period = RechargePeriod.Parse(_periodText);
        }
        catch (DomainException ex)
        {
            _periodError = ex.Message;
            errors.Add(new FormError(ex.Message, PeriodId));
        }
        int? scopeId = _scope switch
        {
            RechargeScope.Partnership => _partnershipId == 0 ? null : _partnershipId,
            RechargeScope.Provider => _providerId == 0 ? null : _providerId,
            _ => null,
        };
        if (_scope != RechargeScope.Everything && scopeId is null)
        {
            _scopeError = _scope == RechargeScope.Partnership ? "Partnership: choose the partnership to bill." : "Provider: choose the provider whose services to bill.";
            errors.Add(new FormError(_scopeError, _scope == RechargeScope.Partnership ? "recharge-partnership" : "recharge-provider"));
        }
        if (errors.Count > 0 || period is null)
        {
            _summary!.Show(errors);
            return;
        }

        _running = true;
        _progress = null;
        _cancel = new CancellationTokenSource();
        _summary!.Show([]);
        // The signed-in person, never a typed name: the run's "run by" is a record, not a label.
        var who = await Officer.NameAsync();
        try
        {
            var progress = new UiProgress(this);
            _outcome = await Runs.RunAsync(period, _scope, scopeId, who, progress, _cancel.Token);
            _outcomePeriod = period.Label;
            _drafts = await DraftsAsync(_outcome.RunId);
        }
        catch (OperationCanceledException)
        {
            _stopped = "Cancelled: nothing was drafted.";
        }
        catch (DomainException ex)
        {
            _summary.Show([new FormError(ex.Message)]);
        }
        finally
        {
            _running = false;
            _cancel.Dispose();
            _cancel = null;
        }
        await LoadRecentAsync();
    }

    private void Cancel() => _cancel?.Cancel();

    /// <summary>The recent runs, and how many invoices each has issued (those can be downloaded together).</summary>
    private async Task LoadRecentAsync()
    {
        _recent = await Runs.RecentAsync();
        _issuedByRun = await Exports.IssuedCountsAsync(_recent.Select(r => r.Id).ToList());
    }

    private async Task<IReadOnlyList<InvoiceSummary>> DraftsAsync(int runId)
    {
        var ids = await Runs.DraftsOfAsync(runId);
        if (ids.Count == 0) return [];
        var drafts = await Receivables.ListAsync(new InvoiceFilter(Status: InvoiceStatus.Draft));
        return drafts.Where(d => ids.Contains(d.Id)).OrderBy(d => d.Id).ToList();
    }

    private async Task IssueAllAsync()
    {
        if (_issuing || _drafts.Count == 0) return;
        if (_issueSummary!.Unreadable().ToList() is { Count: > 0 } unreadable)
        {
            _issueSummary.Show(unreadable);
            return;
        }
        if (_issueDate is not { } date)
        {
            _issueSummary.Show([new FormError("Issue date: enter the date the invoices are issued.", "issue-date")]);
            return;
        }
        // The date can be read now: an earlier attempt's problem must not stay on screen behind the question.
        _issueSummary.Show([]);
        var count = _drafts.Count;
        var question = $"Issue {count:N0} draft{(count == 1 ? "" : "s")} dated {DateText.Long(date)}? Each takes its number, and can then " +
            "never change: mistakes are corrected with a credit note or a supplementary invoice.";
        if (!await Dialogs.ConfirmAsync("Issue invoices", question, "Issue")) return;
        _issuing = true;
        IReadOnlyList<string> numbers = [];
        var issued = await _issueSummary.SaveAsync(async () => numbers = await Issuer.IssueAsync(_drafts.Select(d => d.Id).ToList(), date),
            $"Issued {count:N0} invoice{(count == 1 ? "" : "s")}.");
        _issuing = false;
        if (!issued || _outcome is null) return;
        _issued = numbers;
        _drafts = await DraftsAsync(_outcome.RunId);
        await LoadRecentAsync();
    }

    public void Dispose() => _cancel?.Cancel();

    /// <summary>Shows each step of the run as it comes, on the page's own renderer (the run reports from any thread).</summary>
    private sealed class UiProgress(RechargesPage page) : IProgress<RechargeProgress>
    {
        public void Report(RechargeProgress value) => _ = page.InvokeAsync(() =>
        {
            page._progress = value;
            page.StateHasChanged();
        });
    }
}
