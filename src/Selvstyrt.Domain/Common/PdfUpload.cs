namespace Selvstyrt.Domain.Common;

/// <summary>An uploaded PDF (a decision letter, a signed agreement): checked content and a safe file name.</summary>
public static class PdfUpload
{
    /// <summary>The file name to keep (no folders, at most 200 characters, <paramref name="fallback"/> when empty), or why the file cannot be taken.</summary>
    public static Result<string> Check(string? fileName, byte[] content, string fallback, string notPdf)
    {
        ArgumentNullException.ThrowIfNull(content);
        switch (Arrangements.DecisionDocument.ProblemOf(content))
        {
            case Arrangements.DocumentProblem.Empty: return Invalid.Field("document", "Filen er tom.");
            case Arrangements.DocumentProblem.TooLarge: return Invalid.Field("document", "Filen er større enn 8 MB.");
            case Arrangements.DocumentProblem.NotPdf: return Invalid.Field("document", notPdf);
        }
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length == 0) name = fallback;
        return name.Length > 200 ? name[^200..] : name;
    }
}
