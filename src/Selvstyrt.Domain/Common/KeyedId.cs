using System.Security.Cryptography;
using System.Text;

namespace Selvstyrt.Domain.Common;

/// <summary>
/// An id derived from an idempotency key and its scope: a retried create with the same key gets the same id, so the
/// aggregate finds it already there instead of adding it twice.
/// </summary>
public static class KeyedId
{
    public static Guid For(string scope, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(scope + "\n" + key));
        return new Guid(hash.AsSpan(0, 16));
    }
}
