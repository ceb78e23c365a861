using System.Security.Cryptography;
using System.Text;

namespace Selvstyrt.Data.Demo;

/// <summary>Stable identifiers for seeded records, derived from a name, so every demo database is the same.</summary>
public static class DemoIds
{
    public static Guid For(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("selvstyrt-demo:" + name));
        return new Guid(hash.AsSpan(0, 16));
    }
}
