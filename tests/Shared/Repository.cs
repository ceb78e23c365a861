namespace Selvstyrt.Testing;

/// <summary>The repository's root (the folder with Selvstyrt.slnx), found from the running test or benchmark program.</summary>
public static class Repository
{
    public static string Root
    {
        get
        {
            var root = AppContext.BaseDirectory;
            while (!File.Exists(Path.Combine(root, "Selvstyrt.slnx"))) root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Fant ikke Selvstyrt.slnx.");
            return root;
        }
    }
}
