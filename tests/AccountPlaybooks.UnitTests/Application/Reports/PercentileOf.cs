using AccountPlaybooks.Application.Reports;

namespace AccountPlaybooks.UnitTests.Application.Reports;

public sealed class PercentileOf
{
    [Theory]
    [InlineData(0.5, 12.5)] // 3, 5, 20, 40: between 5 and 20
    [InlineData(0.75, 25)] // a quarter of the way from 20 to 40
    [InlineData(0, 3)]
    [InlineData(1, 40)]
    public void InterpolatesBetweenTheNearestRanksGivenAHistogram(double p, double expected)
    {
        Assert.Equal(expected, Percentile.Of([(40, 1), (5, 1), (3, 1), (20, 1)], p));
    }

    [Fact]
    public void CountsEachDayAsOftenAsTheHistogramSays()
    {
        // 1, 1, 1, 10: the median is 1, the 75th percentile between 1 and 10.
        Assert.Equal((1, 3.3), (Percentile.Of([(1, 3), (10, 1)], 0.5)!.Value, Percentile.Of([(1, 3), (10, 1)], 0.75)!.Value));
    }

    [Fact]
    public void IsNullGivenNothingToCount()
    {
        Assert.Null(Percentile.Of([], 0.5));
        Assert.Null(Percentile.Of([(4, 0)], 0.5));
    }
}
