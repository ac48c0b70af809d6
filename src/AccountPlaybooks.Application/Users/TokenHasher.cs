using System.Security.Cryptography;
using System.Text;

namespace AccountPlaybooks.Application.Users;

/// API tokens are 256 random bits, so one SHA-256 is enough to store them safely (no salt or stretching needed).
public static class TokenHasher
{
    public const string Prefix = "ap_";

    public static string NewToken() => Prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// Enough of the token to tell it apart in a list, never enough to use it.
    public static string DisplayPrefix(string token) => token[..Math.Min(8, token.Length)];

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
