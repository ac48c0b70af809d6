namespace AccountPlaybooks.Application;

/// Someone else saved the same record first; the API answers 409.
public sealed class ConcurrencyException(string message) : Exception(message);
