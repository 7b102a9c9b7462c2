using SharedServices.Domain.Charging;

namespace SharedServices.Domain.Tests.Charging;

public class PostingDetailsTests
{
    [Fact]
    public void New_TrimsEachCodeAndTurnsBlanksIntoNone()
    {
        var posting = new PostingDetails(" 9410 ", "ED4400", "  ", null, " IWC PO 4500012873 ");

        Assert.Equal(("9410", "ED4400", null, null, "IWC PO 4500012873"),
            (posting.ProviderLedgerCode, posting.ProviderCostCentre, posting.RecipientLedgerCode, posting.RecipientCostCentre, posting.PurchaseOrder));
    }

    [Fact]
    public void New_AllBlank_EqualsNone()
    {
        Assert.Equal(PostingDetails.None, new PostingDetails("", " ", null, "\t", ""));
    }

    [Fact]
    public void New_SixtyCharacters_IsKept()
    {
        Assert.Equal(60, new PostingDetails(new string('9', 60), null, null, null, null).ProviderLedgerCode!.Length);
    }

    [Theory]
    [InlineData(0, "provider's ledger code")]
    [InlineData(1, "provider's cost centre")]
    [InlineData(2, "recipient's ledger code")]
    [InlineData(3, "recipient's cost centre")]
    [InlineData(4, "purchase order or buyer reference")]
    public void New_OverLongField_IsRefusedNamingIt(int field, string name)
    {
        var values = new string?[5];
        values[field] = new string('X', 61);

        var error = Assert.Throws<DomainException>(() => new PostingDetails(values[0], values[1], values[2], values[3], values[4]));

        Assert.Equal($"Keep the {name} to 60 characters (it has 61).", error.Message);
    }

    [Fact]
    public void New_LongOnlyBecauseOfSpaces_IsKeptTrimmed()
    {
        Assert.Equal("CS2320", new PostingDetails(null, null, null, "   CS2320" + new string(' ', 60), null).RecipientCostCentre);
    }

    [Fact]
    public void SetPosting_OnASchedule_ReplacesItAndRefusesNull()
    {
        var schedule = new ChargeSchedule(1, null);
        Assert.Equal(PostingDetails.None, schedule.Posting);

        schedule.SetPosting(new PostingDetails("9410", null, null, null, "PO 1"));

        Assert.Equal(new PostingDetails("9410", null, null, null, "PO 1"), schedule.Posting);
        Assert.Throws<ArgumentNullException>(() => schedule.SetPosting(null!));
    }
}
