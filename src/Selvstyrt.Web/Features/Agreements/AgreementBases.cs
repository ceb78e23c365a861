using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Agreements;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Rules.Engine;

namespace Selvstyrt.Web.Features.Agreements;

/// <summary>
/// The employer's agreements as the rules engine's legal bases: what the plan editor, the publish check, «Finn vikar»,
/// the time sheets, pay, the working-time record and the roster generator judge by. Only the provider (or municipality)
/// as employer has them: a recipient who employs under the household regulation has none.
/// </summary>
public sealed class AgreementBases(SelvstyrtDb db)
{
    /// <summary>The bases with a stamp that changes whenever an agreement (or a place in a covered arrangement) does.</summary>
    public sealed record Set(IReadOnlyList<LegalBasis> Bases, string Stamp, IReadOnlyDictionary<string, string> Names)
    {
        public static readonly Set None = new([], "", new Dictionary<string, string>());

        /// <summary>Tariff night windows (AML-10-11-9 agreements) with their periods.</summary>
        public IReadOnlyList<(LocalDate From, LocalDate? To, LocalTime Start, LocalTime End)> NightWindows { get; init; } = [];

        /// <summary>The employer's settings on a day: the tariff night window in force then, else the law's.</summary>
        public EmployerSettings SettingsOn(LocalDate day)
        {
            foreach (var w in NightWindows)
                if (w.From <= day && (w.To is null || w.To >= day)) return new EmployerSettings { NightWindow = (w.Start, w.End) };
            return new EmployerSettings();
        }
    }

    public async Task<Set> ForAsync(Arrangement arrangement, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(arrangement);
        return arrangement.EmployerModel == EmployerModel.Recipient ? Set.None : await ForProviderAsync(arrangement.ProviderId, ct);
    }

    private sealed record Placed(Guid ArrangementId, Guid AssistantId);

    public async Task<Set> ForProviderAsync(Guid providerId, CancellationToken ct)
    {
        var agreements = await db.Agreements.AsNoTracking().Where(a => a.ProviderId == providerId).OrderBy(a => a.Id).ToListAsync(ct);
        if (agreements.Count == 0) return Set.None;
        var arrangementIds = agreements.Where(a => a.ArrangementId is not null).Select(a => a.ArrangementId!.Value).Distinct().ToList();
        var placed = (arrangementIds.Count == 0 ? [] : await db.Assignments.AsNoTracking().Where(s => arrangementIds.Contains(s.ArrangementId)).Select(s => new Placed(s.ArrangementId, s.AssistantId)).ToListAsync(ct))
            .ToLookup(s => s.ArrangementId, s => s.AssistantId);
        var bases = agreements.Select(a => a.ToBasis(a.ArrangementId is { } x ? placed[x].Distinct().ToList() : null)).ToList();
        var stamp = string.Join(',', agreements.Select(a => $"{a.Id:N}:{a.CurrentVersion}:{a.ValidTo}"))
                    + "|" + string.Join(',', arrangementIds.OrderBy(x => x).Select(x => $"{x:N}:{placed[x].Count()}"));
        return new Set(bases, stamp, agreements.ToDictionary(a => a.Id.ToString(), a => a.Name, StringComparer.Ordinal))
        {
            NightWindows = [.. agreements.Where(a => a.Kind == LegalBasisKind.NightWorkByTariff && a.NightFrom is not null && a.NightTo is not null)
                .Select(a => (a.ValidFrom, a.ValidTo, a.NightFrom!.Value, a.NightTo!.Value))],
        };
    }
}
