using System.Security.Cryptography;
using System.Text;

namespace Selvstyrt.Data.Identity;

/// <summary>
/// Makes and checks API keys of the form <c>sst_PREFIX_SECRET</c>. The prefix finds the row; only a
/// SHA-256 hash of the whole key is stored, compared in constant time.
/// </summary>
public static class ApiKeySecrets
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static (string Key, string Prefix, string Hash) Generate()
    {
        var prefix = RandomNumberGenerator.GetString(Alphabet, 10);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var key = $"sst_{prefix}_{secret}";
        return (key, prefix, Hash(key));
    }

    public static string? PrefixOf(string key)
    {
        var parts = key.Split('_', 3);
        return parts.Length == 3 && parts[0] == "sst" && parts[1].Length == 10 ? parts[1] : null;
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool Matches(string key, string storedHash)
        => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(storedHash));
}
