using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SharedServices.EndToEnd.Tests;

/// <summary>
/// A finance officer's month end for October 2013 on the seed partnership scc-iwc-education-support: Southampton bills
/// the Isle of Wight £195,000.00 a year for school improvement in 12 monthly instalments, so October is £16,250.00.
/// The app's clock stands in 2026, so the dates of 2013 are typed in.
/// </summary>
public sealed class InvoiceJourneyTests(AppHost host) : BrowserJourney(host)
{
    [Fact]
    public async Task FinanceOfficer_RunsOctober_IssuesPaysCreditsAndSettles()
    {
        await GoToAsync("/");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Recharges", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/recharges$"));
        await WaitUntilLiveAsync();
        await CheckAccessibilityAsync("the recharges page");

        // Run October 2013 for the one partnership.
        await Page.Locator("#recharge-period").FillAsync("October 2013");
        await Page.GetByRole(AriaRole.Combobox, new() { Name = "Partnership" }).ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = "Southampton City Council to Isle of Wight Council: education support services" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0); // the choice is the server's once its list closes
        await Page.Locator("#run-recharge").ClickAsync();
        await Expect(Page.Locator("#recharge-outcome-summary")).ToHaveTextAsync("October 2013: 1 draft, 1 line, £16,250.00 net.");
        await Expect(Page.Locator("#recharge-drafts tbody tr")).ToHaveCountAsync(1);
        await Expect(Page.Locator("#recent-runs tbody tr").First).ToContainTextAsync("Tester at IWC (tester@iwc.test)"); // who is signed in, not a typed name
        await Expect(Page.Locator("#recent-runs tbody tr").First).ToContainTextAsync("Completed");
        await CheckAccessibilityAsync("the recharges page with the run's draft");
        await ScreenshotAsync("recharge-run");

        // Review the draft, then issue it dated 1 November 2013.
        await Page.Locator("#recharge-drafts tbody a").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/invoices/\d+$"));
        await WaitUntilLiveAsync();
        var invoiceUrl = Page.Url;
        await Expect(Page.Locator("#invoice-heading")).ToHaveTextAsync("Invoice Draft");
        await Expect(Page.Locator("#invoice-gross")).ToHaveTextAsync("£16,250.00");
        await CheckAccessibilityAsync("a draft invoice");
        await Page.Locator("#issue-date").FillAsync("01/11/2013");
        await Page.Locator("#issue-date").PressAsync("Tab"); // a typed date is read when the field is left
        await Page.Locator("#issue-invoice").ClickAsync();
        await Expect(Page.Locator("#confirm-question")).ToContainTextAsync("dated 1 November 2013");
        await CheckAccessibilityAsync("the issue confirmation");
        await Page.Locator("#confirm-action").ClickAsync();
        await Expect(Page.Locator("#invoice-heading")).ToHaveTextAsync("Invoice SCC-2013/14-0001");
        await Expect(Page.Locator("#invoice-due")).ToHaveTextAsync("1 December 2013");

        // A part payment of £10,000.00 leaves £6,250.00.
        await Page.Locator("#payment-date").FillAsync("20/11/2013");
        await Page.Locator("#payment-date").PressAsync("Tab");
        await Page.Locator("#payment-amount").FillAsync("10,000.00");
        await Page.Locator("#payment-reference").FillAsync("BACS 1182");
        await Page.Locator("#record-payment").ClickAsync();
        await Expect(Page.Locator("#invoice-status")).ToHaveTextAsync("Part-paid");
        await Expect(Page.Locator("#invoice-balance")).ToHaveTextAsync("Paid £10,000.00; credited £0.00; outstanding £6,250.00.");
        await CheckAccessibilityAsync("an issued, part-paid invoice");

        // A part credit of £1,000.00 off the line (no VAT: outside the scope) leaves £5,250.00.
        await Page.GetByRole(AriaRole.Combobox, new() { Name = "What to credit" }).ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { NameRegex = new Regex("^Part of ") }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0); // the choice is the server's once its list closes
        await Page.Locator("#credit-amount").FillAsync("1,000.00");
        await Page.Locator("#credit-reason").FillAsync("Two visits not made");
        await Page.Locator("#credit-date").FillAsync("25/11/2013");
        await Page.Locator("#credit-date").PressAsync("Tab");
        await Page.Locator("#raise-credit-note").ClickAsync();
        await Page.Locator("#confirm-action").ClickAsync();
        await Expect(Page.Locator("#invoice-balance")).ToHaveTextAsync("Paid £10,000.00; credited £1,000.00; outstanding £5,250.00.");
        await CheckAccessibilityAsync("the invoice with a credit note against it");
        await ScreenshotAsync("invoice-part-paid-and-credited");

        await Page.Locator("#invoice-credit-notes a").ClickAsync();
        await WaitUntilLiveAsync();
        await Expect(Page.Locator("#invoice-heading")).ToContainTextAsync("Credit note SCC-");
        await Expect(Page.Locator("#invoice-corrects")).ToHaveTextAsync("SCC-2013/14-0001");
        await Expect(Page.Locator("#invoice-gross")).ToHaveTextAsync("£1,000.00");
        await CheckAccessibilityAsync("the credit note");

        // Due 1 December 2013: on 15 January 2014 it is 45 days overdue.
        await GoToAsync("/invoices/aged-debt");
        await Page.Locator("#aged-debt-as-of").FillAsync("15/01/2014");
        await Page.Locator("#aged-debt-as-of").PressAsync("Tab");
        await Page.Locator("#show-aged-debt").ClickAsync();
        await Expect(Page.Locator("#aged-debt-heading")).ToHaveTextAsync("Owed on 15 January 2014");
        var row = Page.Locator("#aged-debt tbody tr", new() { HasText = "Isle of Wight Council" });
        await Expect(row.Locator("td[data-band='Overdue31To60']")).ToHaveTextAsync("£5,250.00");
        await Expect(row.Locator("td").Last).ToHaveTextAsync("£5,250.00");
        await CheckAccessibilityAsync("the aged debt page");
        // Downloaded from the keyboard: £5,250.00 in 31–60 days (column D), and the row's total a formula to match.
        await Page.Locator("#download-aged-debt").FocusAsync();
        var agedDebt = await Page.RunAndWaitForDownloadAsync(() => Page.Keyboard.PressAsync("Enter"));
        Assert.Equal("aged-debt-2014-01-15.xlsx", agedDebt.SuggestedFilename);
        await using (var file = File.OpenRead(await agedDebt.PathAsync()))
        using (var workbook = new ClosedXML.Excel.XLWorkbook(file))
        {
            var sheet = workbook.Worksheet("Aged debt");
            Assert.Equal(("Isle of Wight Council", 5_250m, "SUM(B4:F4)"), (sheet.Cell("A4").GetString(), sheet.Cell("D4").GetValue<decimal>(), sheet.Cell("G4").FormulaA1));
        }

        // £16,250.00 − £1,000.00 credited − £10,000.00 paid = £5,250.00, and nothing the other way.
        await GoToAsync("/invoices/settlement");
        await Page.GetByRole(AriaRole.Combobox, new() { Name = "First organisation" }).ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = "Southampton City Council" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0); // the choice is the server's once its list closes
        await Page.GetByRole(AriaRole.Combobox, new() { Name = "Second organisation" }).ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = "Isle of Wight Council" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0); // the choice is the server's once its list closes
        await Page.Locator("#settlement-period").FillAsync("2013/14");
        await Page.Locator("#show-settlement").ClickAsync();
        await Expect(Page.Locator("#settlement-net")).ToHaveTextAsync("Isle of Wight Council owes Southampton City Council £5,250.00.");
        await CheckAccessibilityAsync("the settlement statement");
        await ScreenshotAsync("settlement");

        // The statement of account for the year, from its address: the same £5,250.00 carried forward.
        await GoToAsync("/invoices/statement?provider=SCC&recipient=IWC&period=2013/14");
        await Expect(Page.Locator("#statement-closing td").Last).ToHaveTextAsync("£5,250.00");
        await CheckAccessibilityAsync("the statement of account");

        // The run's issued invoice, as a zip of workbooks from the recent runs, by keyboard.
        await GoToAsync("/recharges");
        await WaitUntilLiveAsync();
        var zipLink = Page.Locator("#recent-runs a[download]");
        await Expect(zipLink).ToHaveTextAsync("1 workbook (.zip)");
        await zipLink.FocusAsync();
        var zip = await Page.RunAndWaitForDownloadAsync(() => Page.Keyboard.PressAsync("Enter"));
        using (var archive = System.IO.Compression.ZipFile.OpenRead(await zip.PathAsync()))
            Assert.Equal(["SCC-2013-14-0001.xlsx"], archive.Entries.Select(e => e.FullName));
        await CheckAccessibilityAsync("the recharges page with an issued run");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Invoices", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/invoices$"));
        await WaitUntilLiveAsync();
        await Expect(Page.Locator("#invoices tbody tr")).ToHaveCountAsync(2);
        await CheckAccessibilityAsync("the invoice list");

        // At a phone's width every page reads without scrolling sideways; the tables scroll in their own boxes.
        await Page.SetViewportSizeAsync(320, 640);
        foreach (var path in new[] { "/recharges", "/invoices", new Uri(invoiceUrl).AbsolutePath, "/invoices/aged-debt", "/invoices/settlement",
                     "/invoices/statement?provider=SCC&recipient=IWC&period=2013/14" })
        {
            await GoToAsync(path);
            await Expect(Page.Locator("#menu-button")).ToHaveAttributeAsync("aria-expanded", "false");
            var width = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= 320, $"{path} is {width} px wide at a 320 px window.");
            await CheckAccessibilityAsync($"{path} at 320 px");
        }
    }

    [Fact]
    public async Task UnknownInvoice_Answers404()
    {
        var response = await Page.GotoAsync("/invoices/9999");

        Assert.Equal(404, response!.Status);
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Invoice not found");
    }
}
