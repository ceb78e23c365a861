namespace Selvstyrt.Data.Identity;

/// <summary>PBKDF2 work factor for local passwords (quality.md S4: at least 210,000 iterations, HMAC-SHA512).</summary>
public static class PasswordPolicy
{
    public const int Iterations = 210_000;
}
