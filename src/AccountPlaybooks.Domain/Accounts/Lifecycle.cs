namespace AccountPlaybooks.Domain.Accounts;

public enum Lifecycle
{
    Prospect,
    Customer,
}
