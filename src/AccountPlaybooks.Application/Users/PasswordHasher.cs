using System.Globalization;
using System.Security.Cryptography;
using AccountPlaybooks.Domain.Users;
using Microsoft.AspNetCore.Identity;

namespace AccountPlaybooks.Application.Users;

/// What a password check found: wrong, right, or right but stored in a format (or strength) that should be replaced.
public enum PasswordCheck
{
    Wrong,
    Right,
    RightButRehash,
}

/// Passwords are hashed by ASP.NET Core Identity's PasswordHasher of TUser (PBKDF2-HMAC-SHA512, its own versioned format,
/// iteration count raised by the framework over time). Hashes from before it (`pbkdf2-sha256$iterations$salt$hash`) are
/// still verified, and reported as needing a rehash so a successful login replaces them.
public static class PasswordHasher
{
    private const string LegacyPrefix = "pbkdf2-sha256$";
    private static readonly PasswordHasher<User> Identity = new();

    /// A hash of a password nobody has: checking an unknown e-mail against it costs what checking a real user costs,
    /// so the answer's timing does not tell whether the account exists.
    private static readonly Lazy<string> Dummy = new(() => Identity.HashPassword(null!, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));

    public static string Hash(string password) => Identity.HashPassword(null!, password);

    public static PasswordCheck Check(string password, string stored)
    {
        if (stored.StartsWith(LegacyPrefix, StringComparison.Ordinal))
        {
            return VerifyLegacy(password, stored) ? PasswordCheck.RightButRehash : PasswordCheck.Wrong;
        }
        try
        {
            return Identity.VerifyHashedPassword(null!, stored, password) switch
            {
                PasswordVerificationResult.Success => PasswordCheck.Right,
                PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.RightButRehash,
                _ => PasswordCheck.Wrong,
            };
        }
        catch (FormatException)
        {
            return PasswordCheck.Wrong; // not base64: not a hash this server wrote
        }
    }

    public static bool Verify(string password, string stored) => Check(password, stored) != PasswordCheck.Wrong;

    /// Does the work of a real check and always fails: for logins naming no user (or a user without a password).
    public static PasswordCheck CheckAgainstDummy(string password)
    {
        _ = Identity.VerifyHashedPassword(null!, Dummy.Value, password);
        return PasswordCheck.Wrong;
    }

    /// The format this server wrote before Identity's hasher; verified only to upgrade it.
    private static bool VerifyLegacy(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts is not ["pbkdf2-sha256", var iterations, var salt, var hash]
            || !int.TryParse(iterations, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > 10_000_000)
        {
            return false;
        }
        try
        {
            var expected = Convert.FromBase64String(hash);
            var actual = Rfc2898DeriveBytes.Pbkdf2(password, Convert.FromBase64String(salt), count, HashAlgorithmName.SHA256, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// The old format, kept for tests that prove old hashes are upgraded.
    internal static string HashLegacy(string password, int iterations = 100_000)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, 32);
        return $"{LegacyPrefix}{iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }
}
