using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Quality;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Quality;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Hms;

/// <summary>
/// The HMS action plan (issue 20, part 2): every measure of the year in one list, collected where it was made (incidents, workplace
/// mappings, risk analyses, audits) and written here (for a survey question that scored too low, or the provider's own). The
/// provider's administrator sees the whole provider, a coordinator the office and its arrangements, a work leader their arrangements,
/// an auditor with a purpose everything. A measure is marked done where it was made.
/// </summary>
public sealed class ActionPlanRecords(SelvstyrtDb db, CurrentUser user, ArrangementAccess access, QualityTargets targets)
{
    public sealed record Item(MeasureSource Source, string Reference, string Where, string Text, string Owner, LocalDate? DueOn, LocalDate? DoneOn, string Link, Guid? PlanMeasureId)
    {
        public bool Late(LocalDate today) => DoneOn is null && DueOn < today;
    }

    /// <summary>A survey question that may get a measure here: the survey, the question and its key.</summary>
    public sealed record SurveyQuestionChoice(Guid SurveyId, string Key, string Text)
    {
        public string Value => $"{SurveyId}:{Key}";
    }

    /// <summary>The measures the user may read: every open one, and those done in the year (ROS: the year's analyses), by deadline.</summary>
    public async Task<List<Item>> ListAsync(int year, CancellationToken ct)
    {
        var start = new LocalDate(year, 1, 1);
        var end = new LocalDate(year, 12, 31);
        var admins = targets.AdministeredProviders();
        var auditors = targets.AuditedProviders();
        var offices = access.ManagedOffices().Select(o => o.Id);
        var led = access.EditableArrangements().Select(a => a.Id);
        bool Shown(LocalDate? done) => done is not { } d || (d >= start && d <= end);
        var items = new List<Item>();
        // An auditor reads the plan, but not the incidents or survey results behind it: those links are left out for them.
        var adminOf = (await admins.ToListAsync(ct)).ToHashSet();
        var officesOf = (await offices.ToListAsync(ct)).ToHashSet();
        var ledOf = (await led.ToListAsync(ct)).ToHashSet();
        bool FollowsUp(Guid provider, Guid? office, Guid? arrangement)
            => adminOf.Contains(provider) || (office is { } o && officesOf.Contains(o)) || (arrangement is { } a && ledOf.Contains(a));

        var incidents = await db.Incidents.AsNoTracking().AsSplitQuery()
            .Where(i => admins.Contains(i.ProviderId) || auditors.Contains(i.ProviderId) || offices.Contains(i.OfficeId) || (i.ArrangementId != null && led.Contains(i.ArrangementId.Value)))
            .Where(i => i.Measures.Any(m => m.DoneOn == null || (m.DoneOn >= start && m.DoneOn <= end))).ToListAsync(ct);
        var mappings = await db.WorkplaceMappings.AsNoTracking()
            .Where(m => admins.Contains(m.ProviderId) || auditors.Contains(m.ProviderId) || offices.Contains(m.OfficeId) || led.Contains(m.ArrangementId))
            .Where(m => m.Items.Any(i => i.Answer == MappingAnswer.NeedsMeasure && (i.DoneOn == null || (i.DoneOn >= start && i.DoneOn <= end)))).ToListAsync(ct);
        var risks = await db.RiskAnalyses.AsNoTracking()
            .Where(r => r.Year == year && (admins.Contains(r.ProviderId) || auditors.Contains(r.ProviderId) || (r.OfficeId != null && offices.Contains(r.OfficeId.Value))
                || (r.ArrangementId != null && led.Contains(r.ArrangementId.Value)))).ToListAsync(ct);
        var audits = await db.Audits.AsNoTracking()
            .Where(a => admins.Contains(a.ProviderId) || auditors.Contains(a.ProviderId) || (a.OfficeId != null && offices.Contains(a.OfficeId.Value))
                || (a.ArrangementId != null && led.Contains(a.ArrangementId.Value)))
            .Where(a => a.ClosedOn == null || (a.ClosedOn >= start && a.ClosedOn <= end)).ToListAsync(ct);
        var own = await db.PlanMeasures.AsNoTracking()
            .Where(m => admins.Contains(m.ProviderId) || auditors.Contains(m.ProviderId) || (m.OfficeId != null && offices.Contains(m.OfficeId.Value)))
            .Where(m => m.DoneOn == null || (m.DoneOn >= start && m.DoneOn <= end)).ToListAsync(ct);
        var names = await targets.NamesAsync(incidents.Select(i => i.ArrangementId ?? i.OfficeId).Concat(mappings.Select(m => m.ArrangementId)).Concat(risks.Select(r => r.ScopeId))
            .Concat(audits.Select(a => a.ScopeId)).Concat(own.Select(m => m.OfficeId ?? m.ProviderId)), ct);
        var surveyIds = own.Where(m => m.SurveyId is not null).Select(m => m.SurveyId!.Value).Distinct().ToList();
        var surveys = await db.Surveys.AsNoTracking().Where(s => surveyIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);

        foreach (var i in incidents)
            foreach (var m in i.Measures.Where(m => Shown(m.DoneOn)))
                items.Add(new Item(MeasureSource.Incident, i.Kind.ToString(), names.GetValueOrDefault(i.ArrangementId ?? i.OfficeId, ""), m.Text, m.Owner, m.DueOn, m.DoneOn,
                    FollowsUp(i.ProviderId, i.OfficeId, i.ArrangementId) ? $"/avvik/{i.Id}" : "", null));
        foreach (var map in mappings)
            foreach (var m in map.Items.Where(x => x.Answer == MappingAnswer.NeedsMeasure && Shown(x.DoneOn)))
                items.Add(new Item(MeasureSource.Mapping, m.Text, names.GetValueOrDefault(map.ArrangementId, ""), m.Measure, m.Owner, m.DueOn, m.DoneOn,
                    $"/ordninger/{map.ArrangementId}/kartlegging?ar={map.Year}", null));
        foreach (var r in risks)
            foreach (var h in r.Hazards.Where(h => h.Measures.Length > 0))
                items.Add(new Item(MeasureSource.RiskAnalysis, h.Description, names.GetValueOrDefault(r.ScopeId, ""), h.Measures, h.Owner, h.DueOn, null, $"/ros/{r.Id}", null));
        foreach (var a in audits)
            foreach (var f in a.Findings)
                foreach (var m in f.Measures.Where(m => Shown(m.DoneOn)))
                    items.Add(new Item(MeasureSource.Audit, $"{a.Title}: {f.Description}", names.GetValueOrDefault(a.ScopeId, ""), m.Text, m.Owner, m.DueOn, m.DoneOn,
                        $"/internkontroll/{a.Id}", null));
        foreach (var m in own)
        {
            var reference = m.SurveyId is { } s && surveys.TryGetValue(s, out var survey)
                ? $"{survey.Year}: {survey.Questions.FirstOrDefault(q => q.Key == m.QuestionKey)?.Text ?? m.QuestionKey}" : "";
            items.Add(new Item(m.Source, reference, names.GetValueOrDefault(m.OfficeId ?? m.ProviderId, ""), m.Text, m.Owner, m.DueOn, m.DoneOn,
                m.SurveyId is { } sid && FollowsUp(m.ProviderId, m.OfficeId, null) ? $"/undersokelser/{sid}" : "", m.Id));
        }
        return [.. items.OrderBy(i => i.DoneOn is not null).ThenBy(i => i.DueOn ?? end).ThenBy(i => i.Source)];
    }

    /// <summary>The work-environment and HMS survey questions of the last two years the user may answer with a measure.</summary>
    public async Task<List<SurveyQuestionChoice>> SurveyQuestionsAsync(CancellationToken ct)
    {
        var providers = await Writers().Select(w => w.ProviderId).Distinct().ToListAsync(ct);
        var from = user.Today.Year - 1;
        var surveys = await db.Surveys.AsNoTracking().Where(s => providers.Contains(s.ProviderId) && s.Year >= from).OrderByDescending(s => s.Year).ToListAsync(ct);
        return [.. surveys.SelectMany(s => s.Questions.OrderBy(q => q.Order).Select(q => new SurveyQuestionChoice(s.Id, q.Key, $"{s.Year}: {q.Text}")))];
    }

    /// <summary>Where the user may write a measure of their own: the provider (its administrator) or an office (its coordinator).</summary>
    public async Task<List<QualityTargets.Target>> TargetsAsync(CancellationToken ct)
        => [.. (await targets.WritableAsync(QualityTargets.Reach.Managed, ct)).Where(x => x.Scope != QualityScope.Arrangement)];

    /// <summary>Writes a measure into the plan, for the provider or an office, answering a survey question or not. Idempotent on the key.</summary>
    public async Task<Result<(Guid Id, bool Existed)>> WriteAsync(QualityScope? scope, Guid? scopeId, Guid? surveyId, string? questionKey, string? text, string? owner,
        LocalDate? dueOn, string? key, CancellationToken ct)
    {
        var id = Creates.IdFor($"plan-measure:{user.Id}", key);
        if (!id.IsSuccess) return id.Error!;
        if (await db.PlanMeasures.AnyAsync(m => m.Id == id.Value, ct)) return (id.Value, true);
        var target = (await TargetsAsync(ct)).FirstOrDefault(t => t.Scope == scope && t.ScopeId == scopeId);
        if (target is null) return Invalid.Field("target", "Velg administrasjonen eller et kontor du har ansvar for.");
        if (surveyId is { } s)
        {
            var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(x => x.Id == s && x.ProviderId == target.ProviderId, ct);
            if (survey is null || survey.Questions.All(q => q.Key != questionKey)) return Invalid.Field("questionKey", "Velg et spørsmål fra en av leverandørens undersøkelser.");
        }
        var made = PlanMeasure.Write(id.Value, target.ProviderId, target.OfficeId, surveyId, questionKey, text, owner, dueOn, user.Today, key);
        if (!made.IsSuccess) return made.Error!;
        db.PlanMeasures.Add(made.Value!);
        return await db.SaveCreatedAsync<PlanMeasure>(id.Value, ct);
    }

    public async Task<Result<Guid>> CompleteAsync(Guid id, CancellationToken ct)
    {
        var writers = Writers();
        var measure = await db.PlanMeasures.FirstOrDefaultAsync(m => m.Id == id && writers.Any(w => w.ProviderId == m.ProviderId && (w.OfficeId == null || w.OfficeId == m.OfficeId)), ct);
        if (measure is null) return new NotFound();
        measure.Complete(user.Today);
        return await db.SaveOrConflictAsync(id, "Tiltaket ble endret av noen andre samtidig.", ct);
    }

    /// <summary>Where the user writes plan measures: a provider's administrator anywhere in it (no office), a coordinator in the office.</summary>
    private IQueryable<WriterRow> Writers()
    {
        var uid = user.Id;
        return db.ProviderGrants.Where(g => g.UserId == uid && uid != Guid.Empty
                && (g.Role == Selvstyrt.Domain.Access.ProviderRole.ProviderAdmin || g.Role == Selvstyrt.Domain.Access.ProviderRole.OfficeCoordinator))
            .Select(g => new WriterRow { ProviderId = g.ProviderId, OfficeId = g.Role == Selvstyrt.Domain.Access.ProviderRole.ProviderAdmin ? null : g.OfficeId });
    }

    private sealed class WriterRow
    {
        public Guid ProviderId { get; init; }
        public Guid? OfficeId { get; init; }
    }
}
