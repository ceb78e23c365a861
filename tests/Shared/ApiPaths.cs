using System.Text.RegularExpressions;
using Selvstyrt.Data.Demo;

namespace Selvstyrt.Testing;

/// <summary>Paths of the OpenAPI document, as the tests that read it turn them into routes and calls.</summary>
public static partial class ApiPaths
{
    /// <summary>A route pattern as the document writes its path: <c>{id:guid}</c> → <c>{id}</c>.</summary>
    public static string OfRoute(string pattern) => Constraint().Replace(pattern, "{$1}");

    /// <summary>
    /// A documented path with the demo's 24/7 arrangement and its published plan where the path is under an arrangement;
    /// other parameters are left for the caller.
    /// </summary>
    public static string WithDemoIds(string path)
        => path.StartsWith("/api/v1/arrangements/{id}", StringComparison.Ordinal)
            ? path.Replace("{id}", DemoIds.For("arrangement:10").ToString(), StringComparison.Ordinal)
                .Replace("{planId}", DemoIds.For("plan:10").ToString(), StringComparison.Ordinal)
            : path;

    /// <summary>Whether parameters are left in the path.</summary>
    public static bool HasParameters(string path) => path.Contains('{', StringComparison.Ordinal);

    /// <summary>The path with each parameter left replaced by a new id, which nothing has.</summary>
    public static string WithNewIds(string path) => Parameter().Replace(path, _ => Guid.NewGuid().ToString());

    [GeneratedRegex("{([^:}]+)(:[^}]+)?}")]
    private static partial Regex Constraint();

    [GeneratedRegex("{[^}]+}")]
    private static partial Regex Parameter();
}
