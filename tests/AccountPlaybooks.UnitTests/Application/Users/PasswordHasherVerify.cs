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
    public void WritesIdentityFormatAndAsksToRehashTheOldOne()
    {
        var current = PasswordHasher.Hash("correct horse battery");
        var legacy = PasswordHasher.HashLegacy("correct horse battery", iterations: 1_000);

        Assert.Equal(1, Convert.FromBase64String(current)[0]); // Identity's version 3 marker
        Assert.Equal(PasswordCheck.Right, PasswordHasher.Check("correct horse battery", current));
        Assert.Equal(PasswordCheck.RightButRehash, PasswordHasher.Check("correct horse battery", legacy));
        Assert.Equal(PasswordCheck.Wrong, PasswordHasher.Check("wrong horse battery", legacy));
        Assert.Equal(PasswordCheck.Wrong, PasswordHasher.Check("x", "pbkdf2-sha256$many$salt$hash"));
    }

    [Fact]
    public void TheDummyCheckNeverSucceeds()
    {
        Assert.Equal(PasswordCheck.Wrong, PasswordHasher.CheckAgainstDummy("correct horse battery"));
        Assert.Equal(PasswordCheck.Wrong, PasswordHasher.CheckAgainstDummy(""));
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
