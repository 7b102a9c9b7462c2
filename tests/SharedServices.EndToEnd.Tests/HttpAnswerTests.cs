using System.Net;

namespace SharedServices.EndToEnd.Tests;

/// <summary>What the app answers to addresses typed by hand: unknown codes, source papers, the error page.</summary>
public sealed class HttpAnswerTests(HttpHost host) : IClassFixture<HttpHost>
{
    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string address)
    {
        using var response = await host.Client.GetAsync(address);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownPartnershipCode_Answers404WithTheFriendlyPage()
    {
        var (status, body) = await GetAsync("/partnerships/no-such-partnership");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Partnership not found", body);
        Assert.Contains("There is no partnership with the code \"no-such-partnership\"", body);
    }

    [Theory]
    [InlineData("/partnerships/no-such-partnership/edit", "There is no partnership with the code \"no-such-partnership\"")]
    [InlineData("/partnerships/no-such-partnership/term", "There is no partnership with the code \"no-such-partnership\"")]
    [InlineData("/partnerships/no-such-partnership/activity", "There is no partnership with the code \"no-such-partnership\"")]
    [InlineData("/partnerships/no-such-partnership/activity/import", "There is no partnership with the code \"no-such-partnership\"")]
    [InlineData("/organisations/NOPE/edit", "There is no organisation with the code \"NOPE\"")]
    public async Task UnknownCodeOnAnEditPage_Answers404WithTheFormsOwnExplanation(string address, string explanation)
    {
        var (status, body) = await GetAsync(address);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains(explanation, body.Replace("&quot;", "\""));
    }

    [Theory]
    [InlineData("/partnerships/no-such-partnership/activity/template.csv")]
    [InlineData("/partnerships/no-such-partnership/activity/template.xlsx")]
    public async Task ActivityTemplate_UnknownPartnership_Answers404(string address)
    {
        var (status, _) = await GetAsync(address);

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task ActivityTemplate_Csv_IsTheHeaderRowAsAnAttachment()
    {
        using var halton = await host.ClientForAsync("HBC"); // Halton's partnership
        using var response = await halton.GetAsync("/partnerships/halton-cwac-shared-service/activity/template.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("activity-template-halton-cwac-shared-service.csv", response.Content.Headers.ContentDisposition?.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        // A byte-order mark, so that Excel reads the file as UTF-8.
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("Service,Date,Quantity,Unit,Actual cost,Description,Reference\r\n", System.Text.Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public async Task ActivityTemplate_Xlsx_IsAWorkbook()
    {
        using var halton = await host.ClientForAsync("HBC"); // Halton's partnership
        using var response = await halton.GetAsync("/partnerships/halton-cwac-shared-service/activity/template.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
    }

    [Fact]
    public async Task UnknownOrganisationCode_Answers404WithTheFriendlyPage()
    {
        var (status, body) = await GetAsync("/organisations/NOPE");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Organisation not found", body);
    }

    [Theory]
    [InlineData("/partnerships/iwc-hcc-buy-back", "commissioned buy-back children")]
    [InlineData("/organisations/IWC", "Isle of Wight Council")]
    [InlineData("/organisations/iwc", "Isle of Wight Council")]
    public async Task KnownCode_Answers200(string address, string expected)
    {
        var (status, body) = await GetAsync(address);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(expected, body);
        Assert.DoesNotContain("not found", body);
    }

    [Fact]
    public async Task ErrorPage_SaysSomethingWentWrongWithoutTheTemplatesDevelopmentText()
    {
        var (_, body) = await GetAsync("/Error");

        Assert.Contains("Something went wrong", body);
        Assert.DoesNotContain("Development Mode", body);
        Assert.DoesNotContain("ASPNETCORE_ENVIRONMENT", body);
    }

    [Fact]
    public async Task Page_RequestsNoWebFontsAndNamesNoRoboto()
    {
        var (_, body) = await GetAsync("/partnerships");

        Assert.DoesNotContain("fonts.googleapis.com", body);
        Assert.DoesNotContain("Roboto", body); // the theme's font variables are written into the page
        Assert.Contains("system-ui", body);
    }

    [Fact]
    public async Task Page_LinksTheComponentsScopedStyles_AndTheyAreServed()
    {
        var (_, body) = await GetAsync("/");
        var link = System.Text.RegularExpressions.Regex.Match(body, "href=\"(SharedServices\\.Web\\.[^\"]*styles\\.css)\"");
        Assert.True(link.Success, "The page does not link SharedServices.Web.styles.css, so the reconnect notice is unstyled.");

        var (status, css) = await GetAsync("/" + link.Groups[1].Value);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("components-reconnect", css);
    }

    [Fact]
    public async Task Register_AsFirstSent_SaysLoadingNotThatNothingMatches()
    {
        var (status, body) = await GetAsync("/partnerships");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Loading the partnerships", body);
        Assert.DoesNotContain("No partnership matches", body);
    }

    [Fact]
    public async Task SourcePaper_IsServedAsUtf8PlainText()
    {
        using var response = await host.Client.GetAsync("/sources/004_e88032c7d269135b.txt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "seed-data", "sources", "004_e88032c7d269135b.txt")), text);
        Assert.Contains("EXB79", text);
    }

    [Theory]
    [InlineData("/sources/no-such-paper.txt")]
    [InlineData("/sources/..%2Forganisations.json")]
    [InlineData("/sources/..%2F..%2Fappsettings.json")]
    [InlineData("/sources/%2E%2E%2Forganisations.json")]
    [InlineData("/sources/..%5Corganisations.json")]
    [InlineData("/sources/%2Fetc%2Fpasswd")]
    [InlineData("/sources/..%2Fpartnerships%2F01-scc-iwc-education-support.json")]
    [InlineData("/sources/.%2F004_e88032c7d269135b.txt")]
    public async Task SourcePaper_AnyOtherName_Answers404AndNothingElse(string address)
    {
        var (status, body) = await GetAsync(address);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("\"organisations\"", body);
        Assert.DoesNotContain("root:", body);
        Assert.DoesNotContain("ConnectionStrings", body);
        Assert.DoesNotContain("EXB79", body);
    }
}
