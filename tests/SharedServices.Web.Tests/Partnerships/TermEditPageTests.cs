using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using SharedServices.Web.Components.Features.Partnerships;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.Partnerships;

public sealed class TermEditPageTests : ComponentTestContext
{
    private async Task<IReadOnlyList<int?>> NoticeMonthsAsync(string code)
    {
        await using var db = Database.CreateDbContext();
        return (await db.Partnerships.Include(p => p.NoticePeriods).SingleAsync(p => p.Code == code))
            .NoticePeriods.Select(n => n.Amount).ToList();
    }

    [Fact]
    public void TermEditPage_StrategicPartnership_ShowsNoticeSourcesForEachParty()
    {
        var cut = RenderPage<TermEditPage>(p => p.Add(x => x.Code, "hcc-iwc-childrens-services"));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".notice-row").Count), Timeout);
        var documents = cut.FindAll(".notice-row input").Select(i => i.GetAttribute("value")).Where(v => v is not null).ToList();
        Assert.Equal(2, documents.Count(v => v == "003_070ff0fe8edf3d0d.txt"));
    }

    [Fact]
    public async Task TermEditPage_NoticeOfNoMonths_ShowsErrorOnFieldAndSavesNothing()
    {
        var cut = RenderPage<TermEditPage>(p => p.Add(x => x.Code, "iwc-hcc-buy-back"));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".notice-row").Count), Timeout);

        var months = cut.FindAll(".notice-row input[inputmode='numeric'], .notice-row input[type='number']").First();
        await months.ChangeAsync(new() { Value = "0" });
        await cut.Find("#save-term").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains(
            "Notice by Hampshire County Council: enter a number from 1 to 120 months.",
            cut.FieldErrors()), Timeout);
        Assert.Equal([3, 3], await NoticeMonthsAsync("iwc-hcc-buy-back"));
        Assert.EndsWith("/", CurrentUri);
    }
}
