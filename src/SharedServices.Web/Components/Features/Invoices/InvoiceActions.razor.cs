using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SharedServices.Core;
using SharedServices.Core.Editing;
using SharedServices.Core.Invoicing;
using SharedServices.Domain;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Invoicing;
using SharedServices.Web.Components.Shared;

namespace SharedServices.Web.Components.Features.Invoices;

using SharedServices.Domain.Money;

public partial class InvoiceActions
{
    // The Core starts each refusal with the field's label: these say which field on this page each label means.
    private static readonly Dictionary<string, string> PaymentFields = new()
    {
        ["Amount"] = "payment-amount", ["Received on"] = "payment-date", ["Reference"] = "payment-reference",
    };
    private static readonly Dictionary<string, string> DisputeFields = new() { ["Reason"] = "dispute-reason" };
    private static readonly Dictionary<string, string> CreditFields = new()
    {
        ["Amount"] = "credit-amount", ["Reason"] = "credit-reason", ["Line"] = "credit-line",
    };

    private readonly Dictionary<string, string> _errors = [];
    private FormErrors? _paymentSummary, _disputeSummary, _creditSummary;
    private DateOnly? _paymentDate, _creditDate;
    private string? _paymentAmount, _paymentReference, _disputeReason, _creditAmount, _creditReason;
    private int _creditLine;
    private MudTextField<string>? _paymentAmountField, _paymentReferenceField, _disputeReasonField, _creditAmountField, _creditReasonField;
    private bool _busy;

    [Inject] private InvoiceAccounts Accounts { get; set; } = default!;
    [Inject] private InvoiceIssuer Issuer { get; set; } = default!;
    [Inject] private Receivables Receivables { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    /// <summary>The issued invoice, with the version it was loaded at.</summary>
    [Parameter, EditorRequired] public InvoiceDetail Detail { get; set; } = default!;

    /// <summary>Raised after a change is saved, with what happened, so the page can load the invoice again.</summary>
    [Parameter] public EventCallback<string> OnChanged { get; set; }

    /// <summary>Loads the invoice again after someone else's change was found.</summary>
    [Parameter] public EventCallback OnReload { get; set; }

    protected override void OnInitialized()
    {
        _paymentDate = Clock.Today();
        _creditDate = Clock.Today();
    }

    private string? ErrorOf(string id) => _errors.GetValueOrDefault(id);

    // Once part is paid or credited, the whole invoice is more than can be credited (the Core refuses a credit above
    // what is still owed), so the choice says so rather than offering what will be refused.
    private string CreditChoice(int lineId) => lineId == 0
        ? Detail.Invoice.Outstanding < Detail.Invoice.Gross
            ? $"The whole invoice ({Detail.Invoice.Gross}; only {Detail.Invoice.Outstanding} is still owed)"
            : $"The whole invoice ({Detail.Invoice.Gross})"
        : Detail.Invoice.Lines.FirstOrDefault(l => l.Id == lineId) is { } line ? $"Part of {line.ServiceName} ({line.Net} net)" : "";

    private async Task RecordPaymentAsync()
    {
        _errors.Clear();
        var problems = _paymentSummary!.Unreadable().ToList();
        if (_paymentDate is null && problems.Count == 0) problems.Add(new FormError("Received on: enter the date the money arrived.", "payment-date"));
        if (!InvoiceText.TryReadMoney(_paymentAmount, "Amount", out var amount, out var problem)) problems.Add(Field("payment-amount", problem));
        if (problems.Count > 0)
        {
            _paymentSummary.Show(problems);
            return;
        }
        var detail = Detail;
        await SaveAsync(_paymentSummary, PaymentFields,
            () => Accounts.RecordPaymentAsync(detail.Invoice.Id, new Payment(_paymentDate!.Value, amount, _paymentReference), detail.Version),
            $"Recorded {amount} received on {DateText.Long(_paymentDate!.Value)} against {detail.Invoice.Number}.",
            () => ClearAsync(_paymentAmountField, _paymentReferenceField));
    }

    private async Task DisputeAsync()
    {
        _errors.Clear();
        var detail = Detail;
        await SaveAsync(_disputeSummary!, DisputeFields, () => Accounts.DisputeAsync(detail.Invoice.Id, _disputeReason ?? "", detail.Version),
            $"Recorded the dispute of {detail.Invoice.Number}.", () => ClearAsync(_disputeReasonField));
    }

    private async Task ResolveAsync()
    {
        _errors.Clear();
        var detail = Detail;
        await SaveAsync(_disputeSummary!, DisputeFields, () => Accounts.ResolveDisputeAsync(detail.Invoice.Id, detail.Version),
            $"Resolved the dispute of {detail.Invoice.Number}.", () => Task.CompletedTask);
    }

    private async Task CreditAsync()
    {
        _errors.Clear();
        var problems = _creditSummary!.Unreadable().ToList();
        if (_creditDate is null && problems.Count == 0) problems.Add(new FormError("Credit note date: enter the date of the credit note.", "credit-date"));
        Money? net = null;
        if (_creditLine != 0)
        {
            if (InvoiceText.TryReadMoney(_creditAmount, "Amount", out var amount, out var problem)) net = amount;
            else problems.Add(Field("credit-amount", problem));
        }
        if (string.IsNullOrWhiteSpace(_creditReason)) problems.Add(Field("credit-reason", "Reason: say why the invoice is being credited."));
        if (CreditTooLarge(net) is { } tooLarge) problems.Add(tooLarge);
        if (problems.Count > 0)
        {
            _creditSummary.Show(problems);
            return;
        }
        // Everything can be read and is within the limits: an earlier attempt's problems must not stay behind the question.
        _creditSummary.Show([]);
        var detail = Detail;
        var what = net is { } part ? $"{part} net off {CreditChoice(_creditLine).Replace("Part of ", "", StringComparison.Ordinal)}" : $"the whole of {detail.Invoice.Number}";
        if (!await Dialogs.ConfirmAsync("Raise credit note",
                $"Issue a credit note for {what}, dated {DateText.Long(_creditDate!.Value)}? It takes its number at once and cannot be changed.", "Issue credit note"))
            return;
        string number = "";
        await SaveAsync(_creditSummary, CreditFields, async () =>
        {
            // The Core's credit note is not itself guarded by the invoice's version: check it here, so a payment or
            // credit recorded by someone else since this page loaded is seen before crediting.
            if ((await Receivables.FindAsync(detail.Invoice.Id))?.Version != detail.Version)
                throw new EditConflictException("This invoice was changed by someone else (a payment, a dispute or a credit) since you opened it. Nothing was saved.");
            var draft = await Accounts.DraftCreditNoteAsync(detail.Invoice.Id, new CreditNoteRequest(_creditReason!, _creditLine == 0 ? null : _creditLine, net));
            number = (await Issuer.IssueAsync([draft], _creditDate!.Value)).Single();
        }, "Credit note issued.", async () =>
        {
            _creditLine = 0;
            await ClearAsync(_creditAmountField, _creditReasonField);
        }, () => $"Issued credit note {number} against {detail.Invoice.Number}.");
    }

    /// <summary>
    /// The Core's limits on a credit note (InvoiceAccounts.DraftCreditNoteAsync: a part credit is more than £0.00 and
    /// no more than the line's net; the credit with its VAT is no more than what is still owed), checked before the
    /// officer is asked to confirm, so a credit that will be refused is never offered. The Core checks them again.
    /// </summary>
    private FormError? CreditTooLarge(Money? net)
    {
        var invoice = Detail.Invoice;
        if (_creditLine == 0)
        {
            return invoice.Gross > invoice.Outstanding
                ? Field("credit-line", $"What to credit: the whole invoice ({invoice.Gross}) is more than the {invoice.Outstanding} still owed on {invoice.Number}; choose a line and credit part of it.")
                : null;
        }
        if (net is not { } part || invoice.Lines.FirstOrDefault(l => l.Id == _creditLine) is not { } line) return null;
        if (part > line.Net)
            return Field("credit-amount", $"Amount: enter more than £0.00 and no more than the line's {line.Net}.");
        // The credit carries the line's VAT rate, as the Core drafts it: the whole line reverses its own VAT exactly.
        var gross = part == line.Net ? line.Net + line.Vat : part + part.Times(line.VatPercent / 100m);
        return gross > invoice.Outstanding
            ? Field("credit-amount", $"Amount: the credit ({gross} with VAT) is more than the {invoice.Outstanding} still owed on {invoice.Number}.")
            : null;
    }

    // Reset, not set to null: a required field emptied by code would otherwise say "Required" straight after a save.
    private static async Task ClearAsync(params MudTextField<string>?[] fields)
    {
        foreach (var field in fields)
            if (field is not null) await field.ResetAsync();
    }

    private FormError Field(string id, string message)
    {
        _errors[id] = message;
        return new FormError(message, id);
    }

    /// <summary>
    /// Saves through the form's summary (which offers Reload after someone else's change); a refusal that names a
    /// field is shown on that field as well as in the summary.
    /// </summary>
    private async Task SaveAsync(FormErrors summary, IReadOnlyDictionary<string, string> fields, Func<Task> save, string done, Func<Task> reset,
        Func<string>? doneLater = null)
    {
        _busy = true;
        var saved = await summary.SaveAsync(async () =>
        {
            try
            {
                await save();
            }
            catch (DomainException ex) when (InvoiceText.FieldOf(ex.Message, fields) is { } id)
            {
                _errors[id] = ex.Message;
                throw new ValidationException([new ValidationFailure(id, ex.Message)]);
            }
        }, done, id => id);
        _busy = false;
        if (!saved) return;
        await reset();
        await OnChanged.InvokeAsync(doneLater?.Invoke() ?? done);
    }
}
