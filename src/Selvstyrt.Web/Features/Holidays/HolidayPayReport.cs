using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Absences;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Rules.Pay;
using Selvstyrt.Web.Features.TimeSheets;

namespace Selvstyrt.Web.Features.Holidays;

/// <summary>
/// The holiday-pay basis (FER-10-1) as a yearly report per assistant for those who handle payroll: the pay of the year's
/// approved, attested and exported time sheets (worked time, supplements, overtime and the employer's paid absence, through
/// the same pay run as the payroll export), and the holiday pay it gives next year: 10.2 % or the agreement's 12 %, and from
/// the holiday year the assistant turns 60 the 2.3 points more on the part up to 6 G.
/// </summary>
public sealed class HolidayPayReport(SelvstyrtDb db, PayrollService payroll)
{
    public sealed record ProviderChoice(Guid Id, string Name);

    public sealed record Row(Guid AssistantId, string Name, string? EmployeeNumber, HolidayPay Pay);

    public sealed record Report(Guid ProviderId, string Provider, int EarningYear, HolidayTerms Terms, IReadOnlyList<Row> Rows, IReadOnlyList<ProviderChoice> Providers)
    {
        public decimal Basis => Rows.Sum(r => r.Pay.Basis);
        public decimal Total => Rows.Sum(r => r.Pay.Total);
    }

    public async Task<Result<Report>> ForYearAsync(Guid? providerId, int earningYear, CancellationToken ct)
    {
        var providers = await payroll.ProvidersAsync(ct);
        if (providers.Count == 0) return new NotFound();
        var id = providerId ?? providers[0].Id;
        if (!providers.Any(p => p.Id == id)) return new NotFound();
        var basis = new Dictionary<Guid, decimal>();
        for (var m = 1; m <= 12; m++)
        {
            var month = await payroll.BasesAsync(id, new LocalDate(earningYear, m, 1), ct);
            if (!month.IsSuccess) return month.Error!;
            foreach (var b in month.Value!) basis[b.AssistantId] = basis.GetValueOrDefault(b.AssistantId) + b.Amount;
        }
        var tariffId = await db.Providers.AsNoTracking().Where(p => p.Id == id).Select(p => p.TariffId).SingleAsync(ct);
        var terms = HolidayRules.Terms(tariffId, earningYear + 1);
        var ids = basis.Keys.ToList();
        var people = await db.Assistants.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.FullName, a.EmployeeNumber, a.BirthDate }).ToListAsync(ct);
        var rows = people.OrderBy(a => a.FullName, StringComparer.CurrentCulture)
            .Select(a => new Row(a.Id, a.FullName, a.EmployeeNumber, HolidayRules.Pay(earningYear, basis[a.Id], a.BirthDate, terms))).ToList();
        return new Report(id, providers.First(p => p.Id == id).Name, earningYear, terms, rows, [.. providers.Select(p => new ProviderChoice(p.Id, p.Name))]);
    }
}
