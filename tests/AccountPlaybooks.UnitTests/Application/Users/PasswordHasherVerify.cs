using AccountPlaybooks.Application.Users;

namespace AccountPlaybooks.UnitTests.Application.Users;

public sealed class PasswordHasherVerify
{
    [Fact]
    public void AcceptsTheRightPasswordOnly()
    {
        var hash = PasswordHasher.Hash("correct horse battery");

        Assert.True(PasswordHasher.Verify("correct horse battery", hash));
        Assert.False(PasswordHasher.Verify("correct horse batterY", hash));
        Assert.DoesNotContain("correct", hash);
    }

    [Fact]
    public void SaltsEveryHash()
    {
        Assert.NotEqual(PasswordHasher.Hash("same password!"), PasswordHasher.Hash("same password!"));
    }

    [Fact]
    public void RejectsUnknownFormat()
    {
        Assert.False(PasswordHasher.Verify("x", "md5$abc"));
    }

    [Fact]
    public void IssuesDistinctTokensStoredOnlyAsHashes()
    {
        var token = TokenHasher.NewToken();

        Assert.NotEqual(token, TokenHasher.NewToken());
        Assert.Equal(64, TokenHasher.Hash(token).Length);
        Assert.DoesNotContain(token, TokenHasher.Hash(token));
        Assert.True(TokenHasher.DisplayPrefix(token).Length < 10);
    }
}
