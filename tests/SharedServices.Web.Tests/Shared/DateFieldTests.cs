using Bunit;
using Microsoft.AspNetCore.Components;
using SharedServices.Web.Components.Shared;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.Shared;

/// <summary>The date field on its own: what it reads, what it refuses and what it leaves alone.</summary>
public sealed class DateFieldTests : ComponentTestContext
{
    private readonly List<DateOnly?> _changes = [];

    private IRenderedComponent<DateField> RenderField(DateOnly? value) => Render<DateField>(p => p
        .Add(x => x.Label, "Start date").Add(x => x.Id, "start").Add(x => x.Value, value)
        .Add(x => x.ValueChanged, (DateOnly? d) => _changes.Add(d)));

    private static string? ErrorText(IRenderedComponent<DateField> cut) =>
        cut.FieldErrors().SingleOrDefault();

    [Theory]
    [InlineData("29/02/2024", 2024, 2, 29)]
    [InlineData("1/3/2024", 2024, 3, 1)]
    [InlineData(" 31-12-2025 ", 2025, 12, 31)]
    [InlineData("13.11.2012", 2012, 11, 13)]
    [InlineData("13 November 2012", 2012, 11, 13)]
    [InlineData("4 Mar 2025", 2025, 3, 4)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    public async Task DateField_ReadableText_RaisesTheDateAndShowsItDayFirst(string typed, int year, int month, int day)
    {
        var cut = RenderField(null);

        await cut.InputFor("start").ChangeAsync(new() { Value = typed });

        Assert.Equal([new DateOnly(year, month, day)], _changes);
        Assert.Null(ErrorText(cut));
        Assert.Equal(new DateOnly(year, month, day).ToString("dd/MM/yyyy"), cut.InputFor("start").GetAttribute("value"));
    }

    [Theory]
    [InlineData("29/02/202", "Start date: enter the day, the month and the year in full (four digits), such as 29/02/2024.")]
    [InlineData("31/04/2025", "Start date: April 2025 has 30 days, so there is no day 31.")]
    [InlineData("29/02/2025", "Start date: February 2025 has 28 days, so there is no day 29.")]
    [InlineData("0002", "Start date: enter a date as day/month/year, such as 29/02/2024.")]
    [InlineData("29/02/0020", "Start date: enter a year from 1900 to 2999.")]
    [InlineData("12/13/2024", "Start date: the month must be from 1 to 12.")]
    [InlineData("0/1/2024", "Start date: January 2024 has 31 days, so there is no day 0.")]
    [InlineData("next Tuesday", "Start date: enter a date as day/month/year, such as 29/02/2024.")]
    public async Task DateField_UnreadableText_ShowsWhyAndKeepsTheStoredDate(string typed, string message)
    {
        var cut = RenderField(new DateOnly(2013, 7, 1));

        await cut.InputFor("start").ChangeAsync(new() { Value = typed });

        Assert.Empty(_changes);
        Assert.Equal(message, ErrorText(cut));
        Assert.Equal(message, cut.Instance.Problem);
        Assert.Equal(typed, cut.InputFor("start").GetAttribute("value"));
    }

    [Fact]
    public async Task DateField_Cleared_RaisesNull()
    {
        var cut = RenderField(new DateOnly(2013, 7, 1));

        await cut.InputFor("start").ChangeAsync(new() { Value = "" });

        Assert.Equal([(DateOnly?)null], _changes);
        Assert.Null(ErrorText(cut));
    }

    [Fact]
    public async Task DateField_Typing_SendsNothingUntilTheChange()
    {
        var cut = RenderField(new DateOnly(2013, 7, 1));

        // No handler for keystrokes at all: 0002, 0020 and 0202 on the way to 2024 never reach the server.
        Assert.Throws<MissingEventHandlerException>(() => cut.InputFor("start").Input(new ChangeEventArgs { Value = "29/02/202" }));
        Assert.Empty(_changes);

        await cut.InputFor("start").ChangeAsync(new() { Value = "29/02/2024" });
        Assert.Equal([new DateOnly(2024, 2, 29)], _changes);
    }

    [Fact]
    public void DateField_StoredDate_ShownDayFirstWithTheFormatInTheHelp()
    {
        var cut = Render<DateField>(p => p.Add(x => x.Label, "Start date").Add(x => x.Id, "start").Add(x => x.Value, new DateOnly(2013, 7, 1))
            .Add(x => x.HelperText, "Leave blank if not stated in the source"));

        Assert.Equal("01/07/2013", cut.InputFor("start").GetAttribute("value"));
        Assert.Equal("text", cut.InputFor("start").GetAttribute("type"));
        Assert.Equal("Leave blank if not stated in the source. For example, 29/02/2024", cut.TextOf(".mud-input-helper-text"));
    }
}
