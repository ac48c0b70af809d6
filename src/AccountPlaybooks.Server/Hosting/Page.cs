namespace AccountPlaybooks.Server.Hosting;

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total)
{
    public const int MaxSize = 500;

    public static (int Number, int Size) Clamp(int? page, int? size) =>
        (Math.Max(1, page ?? 1), Math.Clamp(size ?? 50, 1, MaxSize));
}
