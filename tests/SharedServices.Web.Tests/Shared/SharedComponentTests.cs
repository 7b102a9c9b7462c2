using Bunit;
using SharedServices.Domain;
using SharedServices.Domain.Partnerships;
using SharedServices.Web.Components.Shared;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.Shared;

public sealed class SharedComponentTests : ComponentTestContext
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not stated in source")]
    public void NotStated_MissingValue_ShowsNotStatedInSource(string? value)
    {
        var cut = Render<NotStated>(p => p.Add(x => x.Value, value));

        Assert.Equal("not stated in source", cut.TextOf("span.not-stated"));
    }

    [Fact]
    public void NotStated_Value_ShowsTheValue()
    {
        var cut = Render<NotStated>(p => p.Add(x => x.Value, "3 months"));

        Assert.Equal("3 months", cut.TextOf("span"));
        Assert.Empty(cut.FindAll(".not-stated"));
    }

    [Fact]
    public void SourceNote_DocumentAndParagraph_ShowsSourceLine()
    {
        var cut = Render<SourceNote>(p => p.Add(x => x.Source, new SourceReference("003_070ff0fe8edf3d0d.txt", "para 3")));

        Assert.Equal("Source: 003_070ff0fe8edf3d0d.txt, para 3", cut.TextOf(".source-note"));
    }

    [Fact]
    public void SourceNote_NoParagraph_ShowsDocumentOnly()
    {
        var cut = Render<SourceNote>(p => p.Add(x => x.Source, new SourceReference("002_d8d0be62417717b0.txt", null)));

        Assert.Equal("Source: 002_d8d0be62417717b0.txt", cut.TextOf(".source-note"));
    }

    [Fact]
    public void SourceNote_HeldPaper_LinksTheDocumentAndShowsTheParagraph()
    {
        var cut = Render<SourceNote>(p => p.Add(x => x.Source, new SourceReference("004_e88032c7d269135b.txt", "EXB79 Implementation Date")));

        var link = cut.Find(".source-note a");
        Assert.Equal("/sources/004_e88032c7d269135b.txt", link.GetAttribute("href"));
        Assert.Equal("004_e88032c7d269135b.txt", link.TextContent);
        Assert.Equal("Source: 004_e88032c7d269135b.txt, EXB79 Implementation Date", cut.TextOf(".source-note"));
    }

    [Fact]
    public void SourceNote_PaperNotHeld_ShowsTheNameWithoutALink()
    {
        var cut = Render<SourceNote>(p => p.Add(x => x.Source, new SourceReference("Cabinet minutes, 4 March 2025", "item 7")));

        Assert.Empty(cut.FindAll(".source-note a"));
        Assert.Equal("Source: Cabinet minutes, 4 March 2025, item 7", cut.TextOf(".source-note"));
    }

    [Fact]
    public void SourceNote_NoSource_RendersNothing()
    {
        var cut = Render<SourceNote>(p => p.Add(x => x.Source, null));

        Assert.Empty(cut.Markup.Trim());
    }

    [Fact]
    public void IllustrativeBadge_Rendered_SaysIllustrative()
    {
        var cut = Render<IllustrativeBadge>();

        Assert.Equal("illustrative", cut.TextOf(".illustrative"));
    }

    [Theory]
    [InlineData(PartnershipStatus.Active, "Active")]
    [InlineData(PartnershipStatus.Ended, "Ended")]
    public void StatusChip_Status_ShowsStatusName(PartnershipStatus status, string expected)
    {
        var cut = Render<StatusChip>(p => p.Add(x => x.Status, status));

        Assert.Equal(expected, cut.TextOf(".mud-chip"));
    }
}
