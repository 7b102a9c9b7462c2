namespace SharedServices.Cli.Tests;

public sealed class SpreadTests
{
    [Fact]
    public void OddCount_TakesTheMiddleValue() =>
        // 3, 1, 2 sorted is 1, 2, 3: the median is the middle one, 2.
        Assert.Equal(new Spread(1, 2, 3), Spread.Of([3, 1, 2]));

    [Fact]
    public void EvenCount_AveragesTheTwoMiddleValues() =>
        // 4, 1, 3, 2 sorted is 1, 2, 3, 4: the median is (2 + 3) / 2 = 2.5.
        Assert.Equal(new Spread(1, 2.5, 4), Spread.Of([4, 1, 3, 2]));

    [Fact]
    public void Text_ShowsTheMedianThenTheRange() =>
        Assert.Equal("9.35 (9.10–9.90)", new Spread(9.1, 9.35, 9.9).ToString());

    [Fact]
    public void NoTimings_IsRefused() => Assert.Throws<ArgumentException>(() => Spread.Of([]));
}
