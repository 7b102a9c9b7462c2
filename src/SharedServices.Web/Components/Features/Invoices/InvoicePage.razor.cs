using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using SharedServices.Core;
using SharedServices.Core.Invoicing;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Organisations;
using SharedServices.Web.Components.Shared;

namespace SharedServices.Web.Components.Features.Invoices;

public partial class InvoicePage
{
    private InvoiceDetail? _detail;
    private bool _loading = true, _busy;
    private string? _done;
    private DateOnly? _issueDate;
    private FormErrors? _issueSummary;

    /// <summary>The invoice's id, from the address.</summary>
    [Parameter] public int Id { get; set; }

    /// <summary>The request while the page is prerendered on the server; null once the page is live.</summary>
    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    private string Title => _detail is { } d ? $"{InvoiceText.Of(d.Invoice.Kind)} {InvoiceText.NumberOrDraft(d.Invoice.Number)}" : "Invoice";

    protected override async Task OnParametersSetAsync()
    {
        _done = null;
        _issueDate ??= Clock.Today();
        await LoadAsync();
        if (_detail is null) HttpContext.AnswerNotFound();
        _loading = false;
    }

    private async Task LoadAsync()
    {
        // With the parties' addresses, VAT registration and bank details as the workbook shows them: as issued, or for a draft as they are now.
        _detail = await Receivables.FindAsync(Id);
    }

    private async Task ChangedAsync(string done)
    {
        await LoadAsync();
        _done = done;
    }

    private async Task IssueAsync()
    {
        if (_detail is not { } detail || _busy) return;
        if (_issueSummary!.Unreadable().ToList() is { Count: > 0 } unreadable)
        {
            _issueSummary.Show(unreadable);
            return;
        }
        if (_issueDate is not { } date)
        {
            _issueSummary.Show([new FormError("Issue date: enter the date the invoice is issued.", "issue-date")]);
            return;
        }
        var kind = InvoiceText.Of(detail.Invoice.Kind).ToLowerInvariant();
        if (!await Dialogs.ConfirmAsync($"Issue {kind}", $"Issue this {kind} to {detail.RecipientName} for {detail.Invoice.Gross}, dated {DateText.Long(date)}? " +
                "It takes its number and can then never change.", "Issue"))
            return;
        _busy = true;
        string number = "";
        var issued = await _issueSummary.SaveAsync(async () => number = (await Issuer.IssueAsync([detail.Invoice.Id], date)).Single(), $"Issued the {kind}.");
        _busy = false;
        if (!issued) return;
        await ChangedAsync($"Issued as {number}, due {DateText.Long(date.AddDays(detail.Invoice.PaymentTermsDays))}.");
    }
}
