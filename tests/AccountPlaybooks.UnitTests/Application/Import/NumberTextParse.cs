using AccountPlaybooks.Application.Import;

namespace AccountPlaybooks.UnitTests.Application.Import;

public sealed class NumberTextParse
{
    [Theory]
    [InlineData("1200000", 1200000)]
    [InlineData("$1,200,000", 1200000)]
    [InlineData(" 1,200,000.50 ", 1200000.50)]
    [InlineData("1.2M", 1200000)]
    [InlineData("850k", 850000)]
    [InlineData("€3b", 3000000000)]
    [InlineData("£95000", 95000)]
    public void ReadsWhatCrmExportsWrite(string text, double expected)
    {
        Assert.Equal((decimal)expected, NumberText.Parse(text, allowSign: false));
        Assert.Equal((decimal)expected, NumberText.Parse(text, allowSign: true));
    }

    [Theory]
    [InlineData("-3", -3)]
    [InlineData("-$1,200", -1200)]
    [InlineData("-1.5k", -1500)]
    public void TakesNegativesOnlyWhenASignIsAllowed(string text, double expected)
    {
        Assert.Equal((decimal)expected, NumberText.Parse(text, allowSign: true));
        Assert.Null(NumberText.Parse(text, allowSign: false));
    }

    [Theory]
    [InlineData("")]
    [InlineData("n/a")]
    [InlineData("M")]
    [InlineData("1.2.3")]
    [InlineData("2e7")]
    [InlineData("1000000000000001")]
    [InlineData("1000001b")]
    public void RefusesWhatIsNoNumberOrTooLarge(string text)
    {
        Assert.Null(NumberText.Parse(text, allowSign: true));
    }
}
