namespace AccountPlaybooks.Application.Import;

internal sealed class FieldException(string message) : Exception(message);
