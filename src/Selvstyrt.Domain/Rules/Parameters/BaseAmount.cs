using NodaTime;

namespace Selvstyrt.Domain.Rules.Parameters;

/// <summary>
/// The National Insurance base amount (grunnbeløpet, G) as versioned data: it changes every 1 May. FER-10-1 caps the
/// 60+ holiday-pay supplement at 6 G. The newest row is marked for verification (rules.md § 8: «G from 2025-05-01»).
/// </summary>
public static class BaseAmount
{
    public static Versioned<decimal> G { get; } = new(
        new ParameterRow<decimal>(new LocalDate(2022, 5, 1), new LocalDate(2023, 4, 30), 111_477m, "nav.no: grunnbeløpet fra 1. mai 2022"),
        new ParameterRow<decimal>(new LocalDate(2023, 5, 1), new LocalDate(2024, 4, 30), 118_620m, "nav.no: grunnbeløpet fra 1. mai 2023"),
        new ParameterRow<decimal>(new LocalDate(2024, 5, 1), new LocalDate(2025, 4, 30), 124_028m, "nav.no: grunnbeløpet fra 1. mai 2024"),
        new ParameterRow<decimal>(new LocalDate(2025, 5, 1), null, 130_160m, "nav.no: grunnbeløpet fra 1. mai 2025; ikke bekreftet mot vedtaket (rules.md § 8)", Verify: true));

    /// <summary>The row in force on a date; a date before the first row has no G here.</summary>
    public static ParameterRow<decimal> At(LocalDate date)
        => G.RowAt(date) ?? throw new ArgumentOutOfRangeException(nameof(date), date, "Grunnbeløpet er ikke registrert for denne datoen.");
}
