namespace AccountPlaybooks.Application.Reports;

/// Reports show one decimal, rounded half away from zero (84.25 → 84.3, as people round).
internal static class Rounding
{
    public static double OneDecimal(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    /// part of whole in percent; null when there is no whole to divide.
    public static double? Percent(int part, int whole) => whole == 0 ? null : OneDecimal(100.0 * part / whole);
}
