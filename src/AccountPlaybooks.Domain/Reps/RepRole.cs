namespace AccountPlaybooks.Domain.Reps;

public enum RepRole
{
    AE,
    SDR,
    Marketing,
    Manager,
}
