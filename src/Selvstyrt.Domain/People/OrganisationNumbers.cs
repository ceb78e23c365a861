namespace Selvstyrt.Domain.People;

/// <summary>
/// The nine-digit organisation number of Enhetsregisteret (Brønnøysundregistrene). The last digit is a modulus 11
/// check digit over the first eight with the weights 3, 2, 7, 6, 5, 4, 3, 2; a remainder that would give 10 is never
/// issued, so such a number is invalid.
/// </summary>
public static class OrganisationNumbers
{
    private static readonly int[] Weights = [3, 2, 7, 6, 5, 4, 3, 2];

    /// <summary>The digits without the spaces people write («912 345 688» → «912345688»).</summary>
    public static string Normalise(string? text) => new((text ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());

    public static bool IsValid(string? number)
    {
        if (number is not { Length: 9 } || !number.All(char.IsAsciiDigit)) return false;
        var sum = 0;
        for (var i = 0; i < 8; i++) sum += (number[i] - '0') * Weights[i];
        var check = 11 - (sum % 11);
        if (check == 11) check = 0;
        return check != 10 && check == number[8] - '0';
    }
}
