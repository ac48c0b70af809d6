namespace AccountPlaybooks.Domain.Users;

public enum UserRole
{
    Admin,
    Ops,
    Manager,
    Rep,
}
