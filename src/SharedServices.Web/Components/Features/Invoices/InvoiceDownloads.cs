using SharedServices.Core.Invoicing;
using SharedServices.Domain;

namespace SharedServices.Web.Components.Features.Invoices;

/// <summary>An issued invoice's Excel workbook, to send to the recipient. A draft or an unknown id answers 404.</summary>
public static class InvoiceDownloads
{
    public static string WorkbookLink(int invoiceId) => $"/invoices/{invoiceId}/workbook.xlsx";

    public static void MapInvoiceDownloads(this IEndpointRouteBuilder app) =>
        app.MapGet("/invoices/{id:int}/workbook.xlsx", async (int id, InvoiceWorkbooks workbooks, CancellationToken cancel) =>
        {
            var stream = new MemoryStream();
            string name;
            try
            {
                name = await workbooks.WriteAsync(id, stream, cancel);
            }
            catch (DomainException)
            {
                // No such invoice, or a draft: neither has a workbook to send.
                return Results.NotFound("There is no issued invoice with that number, so there is no workbook to download.");
            }
            stream.Position = 0;
            return Results.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
        });
}
