namespace Selvstyrt.Data.Interceptors;

/// <summary>Who is making the current change, as written into audit stamps («user:…», «system:seed», «cli»).</summary>
public interface ICurrentActor
{
    string Actor { get; }
}

/// <summary>A fixed actor for jobs, the seed and the command line.</summary>
public sealed class FixedActor(string actor) : ICurrentActor
{
    public string Actor { get; } = actor;
}
