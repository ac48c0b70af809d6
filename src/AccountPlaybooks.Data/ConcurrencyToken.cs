namespace AccountPlaybooks.Data;

/// Entities with a Guid property of this name get a new value on every save.
public static class ConcurrencyToken
{
    public const string PropertyName = "Version";
}
