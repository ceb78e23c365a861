using Microsoft.Extensions.DependencyInjection;
using Selvstyrt.Data;
using Selvstyrt.Testing;

namespace Selvstyrt.Web.Tests;

/// <summary>Reads what a host stored, in a scope of its own (to check what the API or a page saved).</summary>
public static class Stored
{
    public static async Task<T> ReadAsync<T>(SelvstyrtFactory factory, Func<SelvstyrtDb, Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(read);
        using var scope = factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<SelvstyrtDb>());
    }
}
