using SharedServices.Domain.Organisations;
using static SharedServices.Domain.Tests.Notice.NoticeTestData;
using static SharedServices.Domain.Tests.TestDates;

namespace SharedServices.Domain.Tests.Notice;

public class CallInTests
{
    [Theory]
    [InlineData("2026-11-02", "2026-11-02", 5, "2026-11-09")]   // published Monday: Tue 1, Wed 2, Thu 3, Fri 4, Mon 5
    [InlineData("2026-10-29", "2026-10-30", 5, "2026-11-06")]   // published Friday: Mon 1 ... Fri 5
    [InlineData("2022-12-20", "2022-12-22", 5, "2023-01-03")]   // Fri 23 = 1; 26, 27 Dec holidays; 28, 29, 30 = 2–4; 2 Jan holiday; Tue 3 Jan = 5
    [InlineData("2022-05-30", "2022-05-31", 5, "2022-06-09")]   // Platinum Jubilee: Wed 1 Jun = 1, Thu 2 and Fri 3 holidays, Mon 6 = 2, Tue 7 = 3, Wed 8 = 4, Thu 9 = 5
    [InlineData("2026-11-02", "2026-11-02", 10, "2026-11-16")]  // a 10-day constitution: Mon 9 = 5 ... Fri 13 = 9, Mon 16 = 10
    public void CallInEndsOn_Published_CountsWorkingDaysAfterPublication(string decided, string published, int days, string expected)
    {
        var decision = Decision(decided, published);

        Assert.Equal(D(expected), decision.CallInEndsOn(Calendar, days));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public void CallInEndsOn_NotSubjectToCallInOrNotStated_IsNull(bool? subjectToCallIn)
    {
        var decision = Decision("2026-11-02", "2026-11-02", subjectToCallIn);

        Assert.Null(decision.CallInEndsOn(Calendar, 5));
    }

    [Fact]
    public void CallInEndsOn_NotPublished_IsNull()
    {
        var decision = Decision("2026-11-02", null);

        Assert.Null(decision.CallInEndsOn(Calendar, 5));
    }

    [Fact]
    public void CallInEndsOn_OrganisationsOwnPeriod_IsUsed()
    {
        var council = new Organisation("Isle of Wight Council", "IWC", OrganisationKind.UnitaryAuthority);
        council.SetCallInWorkingDays(3);
        var decision = Decision("2026-11-02", "2026-11-02");

        // Tue 3, Wed 4, Thu 5 November.
        Assert.Equal(D("2026-11-05"), decision.CallInEndsOn(Calendar, council.CallInWorkingDays));
    }

    [Fact]
    public void Organisation_ByDefault_HasFiveWorkingDays()
    {
        var council = new Organisation("Southampton City Council", "SCC", OrganisationKind.UnitaryAuthority);

        Assert.Equal(5, council.CallInWorkingDays);
        Assert.Equal(Organisation.DefaultCallInWorkingDays, council.CallInWorkingDays);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    public void SetCallInWorkingDays_OutOfRange_Throws(int days)
    {
        var council = new Organisation("Southampton City Council", "SCC", OrganisationKind.UnitaryAuthority);

        var ex = Assert.Throws<DomainException>(() => council.SetCallInWorkingDays(days));

        Assert.Equal("A call-in period is between 1 and 30 working days.", ex.Message);
        Assert.Equal(5, council.CallInWorkingDays);
    }
}
