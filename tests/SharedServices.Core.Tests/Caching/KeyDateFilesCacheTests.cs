using System.Data.Common;
using System.Text;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Access;
using SharedServices.Core.Caching;
using SharedServices.Core.Calendar;
using SharedServices.Core.KeyDates;
using SharedServices.Core.Organisations;
using SharedServices.Core.Persistence;
using SharedServices.Core.Tests.Database;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Tests.Caching;

/// <summary>
/// The key-date downloads are built once and kept, and every change to what they show gives a new file at once.
/// Standing on Monday 2 November 2026, the buy-back (Isle of Wight and Hampshire) is given a cabinet decision published
/// that day, subject to the Isle of Wight's five-day call-in: Tuesday 3, Wednesday 4, Thursday 5, Friday 6 and Monday
/// 9 November, so the call-in ends on 9 November.
/// </summary>
public abstract class KeyDateFilesCacheTests<TDatabase> : DatabaseTest<TDatabase>, IAsyncLifetime where TDatabase : TestDatabase, new()
{
    private static readonly DateOnly Monday = new(2026, 11, 2);
    private const int Window = 30;

    private readonly MovableClock _clock = new(Monday);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    private KeyDateFiles Files => Get<KeyDateFiles>();

    /// <summary>As start-up does: the usual years' bank holidays, so that no request generates them (a change) while building.</summary>
    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await Get<BankHolidayReference>().EnsureUsualYearsAsync();
    }

    private static bool HoldsNone(string version) => false;

    private static Task<KeyDateFile> CalendarAsync(KeyDateFiles files, DateOnly asOf) =>
        files.GetAsync(KeyDateFileKind.Calendar, asOf, Window, HoldsNone);

    /// <summary>The days ("20261109") of the call-in events in a calendar file.</summary>
    private static IReadOnlyList<string> CallInDays(KeyDateFile file) =>
        Encoding.UTF8.GetString(file.Content!).Replace("\r\n ", "", StringComparison.Ordinal)
            .Split("BEGIN:VEVENT").Skip(1)
            .Where(e => e.Contains("SUMMARY:Call-in ends", StringComparison.Ordinal))
            .Select(e => e.Split("\r\n").Single(l => l.StartsWith("DTSTART;VALUE=DATE:", StringComparison.Ordinal))["DTSTART;VALUE=DATE:".Length..])
            .ToList();

    private async Task AddTheCabinetDecisionAsync(SharedServicesDbContextFactory factory)
    {
        await using var db = factory.CreateDbContext();
        var iwc = await db.Organisations.SingleAsync(o => o.ShortCode == "IWC");
        var buyBack = await db.Partnerships.SingleAsync(p => p.Code == "iwc-hcc-buy-back");
        buyBack.AddDecision(new DecisionRecord(iwc.Id, "Cabinet", "CAB 26/27 1", new DateOnly(2026, 10, 29), true, true,
            "Agreed to extend the buy-back.", publishedOn: Monday));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Get_Again_RunsOnlyTheStampReadAndSendsTheSameFile()
    {
        await AddTheCabinetDecisionAsync(Factory);
        var counter = new QueryCounter();
        var factory = counter.FactoryFor(Factory.Settings);
        var files = new KeyDateFiles(factory, new UpcomingDates(factory, new BankHolidayReference(factory, _clock), _clock), _clock);

        var first = await CalendarAsync(files, Monday);
        var built = counter.Commands.Count;
        counter.Clear();
        var second = await CalendarAsync(files, Monday);

        Assert.Equal(["20261109"], CallInDays(first));
        Assert.True(built > 1, $"Building read only {built} command(s).");
        Assert.Contains("ChangeStamps", Assert.Single(counter.Commands));
        Assert.Same(first.Content, second.Content);
        Assert.Equal(first.Version, second.Version);
    }

    [Fact]
    public async Task Get_AskerHoldsTheCurrentVersion_NothingBuiltAndOnlyTheStampsRead()
    {
        var current = (await CalendarAsync(Files, Monday)).Version!;
        // Another instance, with nothing kept yet: the version alone answers, so it need not build to say "not modified".
        var counter = new QueryCounter();
        var factory = counter.FactoryFor(Factory.Settings);
        var files = new KeyDateFiles(factory, new UpcomingDates(factory, new BankHolidayReference(factory, _clock), _clock), _clock);

        var answer = await files.GetAsync(KeyDateFileKind.Calendar, Monday, Window, version => version == current);

        Assert.Equal((current, (byte[]?)null), (answer.Version, answer.Content));
        Assert.Contains("ChangeStamps", Assert.Single(counter.Commands));
    }

    [Fact]
    public async Task Get_AskerHoldsAnOldVersion_TheNewFile()
    {
        var old = (await CalendarAsync(Files, Monday)).Version!;
        await AddTheCabinetDecisionAsync(Factory);

        var answer = await Files.GetAsync(KeyDateFileKind.Calendar, Monday, Window, version => version == old);

        Assert.NotEqual(old, answer.Version);
        Assert.Equal(["20261109"], CallInDays(answer));
    }

    [Fact]
    public async Task Get_AfterAPartnershipChanges_TheNextFileShowsIt()
    {
        var before = await CalendarAsync(Files, Monday);

        await AddTheCabinetDecisionAsync(Factory);
        var after = await CalendarAsync(Files, Monday);

        Assert.Empty(CallInDays(before));
        Assert.Equal(["20261109"], CallInDays(after));
        Assert.NotEqual(before.Version, after.Version);
    }

    [Fact]
    public async Task Get_AfterASecondInstanceChangesAPartnership_TheNextFileShowsIt()
    {
        await using var second = SecondInstance.Start(Factory.Settings, _clock);
        var before = await CalendarAsync(Files, Monday);

        await AddTheCabinetDecisionAsync(second.GetRequiredService<SharedServicesDbContextFactory>());
        var after = await CalendarAsync(Files, Monday);

        Assert.Empty(CallInDays(before));
        Assert.Equal(["20261109"], CallInDays(after));
    }

    [Fact]
    public async Task Get_AfterTheCouncilShortensItsCallIn_TheNextFileMovesTheExpiry()
    {
        await AddTheCabinetDecisionAsync(Factory);
        var before = await CalendarAsync(Files, Monday);

        var directory = Get<OrganisationDirectory>();
        var form = OrganisationForm.From((await directory.FindAsync("IWC"))!.Organisation);
        form.CallInWorkingDays = 3;
        await directory.SaveAsync(form);
        var after = await CalendarAsync(Files, Monday);

        // Three working days from Monday 2 November: Tuesday 3, Wednesday 4, Thursday 5 November.
        Assert.Equal(["20261109"], CallInDays(before));
        Assert.Equal(["20261105"], CallInDays(after));
    }

    [Fact]
    public async Task Get_AfterABankHolidayIsAdded_TheNextFileMovesTheExpiry()
    {
        await AddTheCabinetDecisionAsync(Factory);
        var before = await CalendarAsync(Files, Monday);

        await Get<BankHolidayReference>().SaveAsync(new DateOnly(2026, 11, 4), "A one-off holiday");
        var after = await CalendarAsync(Files, Monday);

        // Wednesday 4 is not counted: Tuesday 3, Thursday 5, Friday 6, Monday 9 and Tuesday 10 November.
        Assert.Equal(["20261109"], CallInDays(before));
        Assert.Equal(["20261110"], CallInDays(after));
    }

    [Fact]
    public async Task Get_OnTheNextDay_IsBuiltForThatDay()
    {
        await AddTheCabinetDecisionAsync(Factory);
        _clock.Today = new DateOnly(2026, 11, 9);
        var onTheDay = await CalendarAsync(Files, _clock.Today);
        var fixedWindow = await CalendarAsync(Files, Monday);

        _clock.Today = new DateOnly(2026, 11, 10);
        var dayAfter = await CalendarAsync(Files, _clock.Today);
        var fixedWindowDayAfter = await CalendarAsync(Files, Monday);

        // Today's window: the call-in ends on the 9th, in the window that starts then and not in the one from the 10th.
        Assert.Equal(["20261109"], CallInDays(onTheDay));
        Assert.Empty(CallInDays(dayAfter));
        // A window from a set day shows the same dates, but is built again for the new day (its stored dates, its colours).
        Assert.NotEqual(fixedWindow.Version, fixedWindowDayAfter.Version);
        Assert.NotSame(fixedWindow.Content, fixedWindowDayAfter.Content);
        Assert.Equal(["20261109"], CallInDays(fixedWindowDayAfter));
    }

    [Fact]
    public async Task Get_TwoCouncils_EachGetTheirOwnFileFromTheSameCache()
    {
        await AddTheCabinetDecisionAsync(Factory);
        var (isleOfWight, halton) = (await CouncilPeople.OfAsync(Factory, "IWC"), await CouncilPeople.OfAsync(Factory, "HBC"));

        // Each asked twice, alternately, so the second of each would come from the cache.
        var answers = new List<KeyDateFile>();
        foreach (var caller in new[] { isleOfWight, halton, isleOfWight, halton })
            using (CallerContext.Use(caller))
                answers.Add(await CalendarAsync(Files, Monday));

        // The buy-back is the Isle of Wight's and Hampshire's; Halton is party to neither it nor its decision.
        Assert.Equal([["20261109"], [], ["20261109"], []], answers.Select(CallInDays));
        Assert.DoesNotContain("iwc", Encoding.UTF8.GetString(answers[1].Content!), StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(answers[0].Version, answers[1].Version);
        Assert.Same(answers[0].Content, answers[2].Content);
        Assert.Same(answers[1].Content, answers[3].Content);
        // Halton holding the Isle of Wight's version is not told its copy is current.
        using (CallerContext.Use(halton))
            Assert.NotNull((await Files.GetAsync(KeyDateFileKind.Calendar, Monday, Window, version => version == answers[0].Version)).Content);
    }

    [Fact]
    public async Task Get_Workbook_KeptApartFromTheCalendarAndNewAfterAChange()
    {
        var calendar = await CalendarAsync(Files, Monday);
        var before = await Files.GetAsync(KeyDateFileKind.Workbook, Monday, Window, HoldsNone);

        await AddTheCabinetDecisionAsync(Factory);
        var after = await Files.GetAsync(KeyDateFileKind.Workbook, Monday, Window, HoldsNone);

        Assert.NotEqual(calendar.Version, before.Version);
        Assert.NotEqual(before.Version, after.Version);
        // The call-in's row (the "What" column), dated 9 November 2026, is in the new workbook only.
        Assert.Empty(CallInRows(before));
        Assert.Equal([new DateTime(2026, 11, 9)], CallInRows(after));
    }

    private static IReadOnlyList<DateTime> CallInRows(KeyDateFile file)
    {
        using var workbook = new XLWorkbook(new MemoryStream(file.Content!));
        var sheet = workbook.Worksheet(KeyDateWorkbook.SheetName);
        return sheet.RowsUsed().Where(r => r.RowNumber() >= KeyDateWorkbook.FirstDataRow && r.Cell(2).GetString() == "Call-in ends")
            .Select(r => r.Cell(1).GetDateTime()).ToList();
    }

    [Fact]
    public async Task Get_AChangeLandsWhileTheFileIsBuilt_TheNextRequestBuildsAgain()
    {
        var counter = new QueryCounter();
        // Another instance's change commits after this request read the stamps and before it reads any key date.
        var meddler = new ChangeBeforeTheFirstDataRead(Factory);
        var factory = new SharedServicesDbContextFactory(Factory.Settings, interceptors: [meddler, counter]);
        var files = new KeyDateFiles(factory, new UpcomingDates(factory, new BankHolidayReference(factory, _clock), _clock), _clock);

        await CalendarAsync(files, Monday);
        counter.Clear();
        await CalendarAsync(files, Monday);
        var next = counter.Commands.Count;
        counter.Clear();
        await CalendarAsync(files, Monday);

        Assert.True(meddler.Changed);
        Assert.True(next > 1, "The request after the change was served what was built as it landed.");
        Assert.Contains("ChangeStamps", Assert.Single(counter.Commands)); // the third was served from the cache
    }

    /// <summary>Moves the partnerships' stamp on, through its own context, just before the first command that is not a stamp read.</summary>
    private sealed class ChangeBeforeTheFirstDataRead(SharedServicesDbContextFactory other) : DbCommandInterceptor
    {
        public bool Changed { get; private set; }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (!Changed && !command.CommandText.Contains("ChangeStamps", StringComparison.Ordinal))
            {
                Changed = true;
                await using var db = other.CreateDbContext();
                await db.MarkChangedAsync(ChangeArea.Partnerships, cancellationToken);
            }
            return result;
        }
    }
}

public sealed class KeyDateFilesCacheTests_Sqlite : KeyDateFilesCacheTests<SqliteTestDatabase>;

public sealed class KeyDateFilesCacheTests_Postgres : KeyDateFilesCacheTests<PostgresTestDatabase>;
