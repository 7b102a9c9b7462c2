using SharedServices.Core.Activity.Import;

namespace SharedServices.Core.Tests.Activity.Import;

public class ActivityRowValidatorTests
{
    private static ActivityImportRow Row(string date = "13/11/2012", string quantity = "2", string unit = "days",
        string cost = "", string service = "Educational psychology") =>
        new(5, service, date, quantity, unit, cost, "Assessments", "EP-1");

    private static ActivityImportProblem Only(ActivityImportRow row, IActivityServiceLookup? services = null) =>
        Assert.Single(new ActivityRowValidator(services).Problems(row));

    [Theory]
    [InlineData("13/11/2012")]
    [InlineData("2012-11-13")]
    [InlineData("13 November 2012")]
    [InlineData("29/02/2012")]
    public void Problems_GoodRow_None(string date)
    {
        Assert.Empty(new ActivityRowValidator().Problems(Row(date)));
    }

    [Fact]
    public void Problems_CostRow_None()
    {
        Assert.Empty(new ActivityRowValidator().Problems(Row(quantity: "", unit: "", cost: "£12,500.00")));
    }

    [Theory]
    [InlineData("31/02/2012", "Date: \"31/02/2012\" is not a date; write it as 13/11/2012 or 2012-11-13.")]
    [InlineData("next Tuesday", "Date: \"next Tuesday\" is not a date; write it as 13/11/2012 or 2012-11-13.")]
    [InlineData("29/02/2013", "Date: \"29/02/2013\" is not a date; write it as 13/11/2012 or 2012-11-13.")]
    [InlineData("", "Date: enter the date the work was done, e.g. 13/11/2012.")]
    public void Problems_BadDate_NamesRowAndDateColumn(string date, string reason)
    {
        Assert.Equal(new ActivityImportProblem(5, "Date", reason), Only(Row(date)));
    }

    [Theory]
    [InlineData("two", "Quantity: \"two\" is not a number.")]
    [InlineData("-2", "Quantity: enter zero or more (it is -2).")]
    [InlineData("-0.5", "Quantity: enter zero or more (it is -0.5).")]
    public void Problems_BadQuantity_NamesRowAndQuantityColumn(string quantity, string reason)
    {
        Assert.Equal(new ActivityImportProblem(5, "Quantity", reason), Only(Row(quantity: quantity)));
    }

    [Fact]
    public void Problems_QuantityWithoutUnit_NamesTheUnitColumn()
    {
        Assert.Equal(new ActivityImportProblem(5, "Unit", "Unit: say what the quantity counts (days, hours, pupils…)."),
            Only(Row(unit: "")));
    }

    [Fact]
    public void Problems_NeitherQuantityNorCost_AsksForOne()
    {
        Assert.Equal("Quantity: give a quantity and unit, or an actual cost.", Only(Row(quantity: "", unit: "")).Reason);
    }

    [Fact]
    public void Problems_BothQuantityAndCost_AsksForOne()
    {
        Assert.Equal("Quantity: give a quantity and unit, or an actual cost, not both.", Only(Row(cost: "10.00")).Reason);
    }

    [Theory]
    [InlineData("12.345", "Actual cost: enter pounds and pence, zero or more (it is 12.345).")]
    [InlineData("-5", "Actual cost: enter pounds and pence, zero or more (it is -5).")]
    [InlineData("lots", "Actual cost: \"lots\" is not an amount of money.")]
    [InlineData("1,00.00", "Actual cost: \"1,00.00\" is not an amount of money.")]   // a group of two digits: a slip, not £100.00
    [InlineData("1,0000.00", "Actual cost: \"1,0000.00\" is not an amount of money.")] // a group of four
    [InlineData(",100", "Actual cost: \",100\" is not an amount of money.")]
    public void Problems_BadCost_NamesTheActualCostColumn(string cost, string reason)
    {
        Assert.Equal(new ActivityImportProblem(5, "Actual cost", reason), Only(Row(quantity: "", unit: "", cost: cost)));
    }

    [Fact]
    public void Problems_SeveralBadCells_ListsEachOne()
    {
        var problems = new ActivityRowValidator().Problems(Row(date: "someday", quantity: "-1", service: ""));

        Assert.Equal(["Service", "Date", "Quantity"], problems.Select(p => p.Column));
    }

    [Fact]
    public void Problems_FormulaWithoutResult_ReportsTheCellOnce()
    {
        var reason = "Quantity: cell C5 holds a formula (=A1*2) with no saved result.";
        var row = Row(quantity: "") with { CellProblems = [new ActivityImportProblem(5, "Quantity", reason)] };

        Assert.Equal(new ActivityImportProblem(5, "Quantity", reason), Only(row));
    }

    private sealed class Services : IActivityServiceLookup
    {
        private readonly ImportableService[] all =
        [
            new("Educational psychology", new DateOnly(2012, 7, 1), new DateOnly(2017, 6, 30), ["days", "hours"]),
            new("Shared Director post", new DateOnly(2011, 4, 1), null, []),
        ];

        public ImportableService? Find(string name) =>
            all.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Problems_UnknownService_NamesTheServiceColumn()
    {
        Assert.Equal(new ActivityImportProblem(5, "Service", "Service: \"Catering\" is not a service of this partnership."),
            Only(Row(service: "Catering"), new Services()));
    }

    [Theory]
    [InlineData("30/06/2012", "Date: 30 June 2012 is outside Educational psychology's dates (1 July 2012 to 30 June 2017).")]
    [InlineData("01/07/2017", "Date: 1 July 2017 is outside Educational psychology's dates (1 July 2012 to 30 June 2017).")]
    public void Problems_DateOutsideTheService_NamesTheDateColumn(string date, string reason)
    {
        Assert.Equal(new ActivityImportProblem(5, "Date", reason), Only(Row(date), new Services()));
    }

    [Theory]
    [InlineData("01/07/2012")]
    [InlineData("30/06/2017")]
    public void Problems_DateOnTheServiceBoundaries_None(string date)
    {
        Assert.Empty(new ActivityRowValidator(new Services()).Problems(Row(date, unit: "HOURS")));
    }

    [Fact]
    public void Problems_WrongUnit_NamesTheUnitsTheServiceUses()
    {
        Assert.Equal(new ActivityImportProblem(5, "Unit", "Unit: Educational psychology is charged per days or hours, not per \"pupils\"."),
            Only(Row(unit: "pupils"), new Services()));
    }

    [Fact]
    public void Problems_QuantityForACostService_AsksForTheCost()
    {
        Assert.Equal("Quantity: Shared Director post is charged by actual cost; give an actual cost instead.",
            Only(Row(service: "Shared Director post"), new Services()).Reason);
    }
}
