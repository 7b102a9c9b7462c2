namespace SharedServices.Domain.Tests;

public class SourceReferenceTests
{
    [Fact]
    public void Constructor_DocumentAndParagraph_TrimsBoth()
    {
        var source = new SourceReference("  cabinet-2012-11-13.md ", " para 3.2 ");

        Assert.Equal("cabinet-2012-11-13.md", source.Document);
        Assert.Equal("para 3.2", source.Paragraph);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_BlankDocument_Throws(string document)
    {
        var ex = Assert.Throws<DomainException>(() => new SourceReference(document, "para 1"));
        Assert.Equal("A source must name its document.", ex.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Constructor_BlankParagraph_StoresNull(string? paragraph)
    {
        Assert.Null(new SourceReference("report-4876.md", paragraph).Paragraph);
    }

    [Theory]
    [InlineData("report-4876.md", "para 2", "report-4876.md, para 2")]
    [InlineData("report-4876.md", null, "report-4876.md")]
    public void ToString_WithOrWithoutParagraph_ReadsAsCitation(string document, string? paragraph, string expected)
    {
        Assert.Equal(expected, new SourceReference(document, paragraph).ToString());
    }
}
