using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Activity;
using SharedServices.Core.Persistence;
using SharedServices.Domain;

namespace SharedServices.Web.Components.Features.Activity;

/// <summary>
/// The activity template of a partnership, to fill in and import: an Excel workbook (with a sheet naming each service
/// and what to record for it) or a CSV of the header row. An unknown partnership is a 404.
/// </summary>
public static class ActivityDownloads
{
    public static string TemplateLink(string partnershipCode, string extension) =>
        $"/partnerships/{Uri.EscapeDataString(partnershipCode)}/activity/template.{extension}";

    public static void MapActivityDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/partnerships/{code}/activity/template.xlsx", async (string code, IDbContextFactory<SharedServicesDbContext> factory,
            CancellationToken cancel) =>
        {
            if (await LoadAsync(factory, code, cancel) is not { } services) return Results.NotFound();
            var stream = new MemoryStream();
            ActivityTemplate.WriteXlsx(services, stream);
            stream.Position = 0;
            return Results.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ActivityTemplate.FileName(services.PartnershipCode, "xlsx"));
        });
        app.MapGet("/partnerships/{code}/activity/template.csv", async (string code, IDbContextFactory<SharedServicesDbContext> factory,
            CancellationToken cancel) =>
        {
            if (await LoadAsync(factory, code, cancel) is not { } services) return Results.NotFound();
            return Results.File(ActivityTemplate.Csv(), "text/csv; charset=utf-8", ActivityTemplate.FileName(services.PartnershipCode, "csv"));
        });
    }

    /// <summary>The partnership's services, or null when no partnership has the code.</summary>
    public static async Task<ActivityServices?> LoadAsync(IDbContextFactory<SharedServicesDbContext> factory, string code, CancellationToken cancel)
    {
        await using var db = await factory.CreateDbContextAsync(cancel);
        try
        {
            return await ActivityServices.LoadAsync(db, code, cancel);
        }
        catch (DomainException)
        {
            return null;
        }
    }
}
