using NodaTime;

namespace Selvstyrt.Domain.Rules.Parameters;

/// <summary>
/// One row of versioned rule or pay data: in force from <see cref="From"/> to <see cref="To"/> (both inclusive, open
/// when null), with the source it comes from. <see cref="Verify"/> marks numbers that rules.md says were not
/// confirmed against the signed text; they are shown with their source wherever they are used.
/// </summary>
public sealed record ParameterRow<T>(LocalDate From, LocalDate? To, T Value, string Source, bool Verify = false)
{
    /// <summary>Whether the row is in force on a date.</summary>
    public bool Covers(LocalDate date) => date >= From && (To is null || date <= To.Value);
}

/// <summary>Rows of one parameter set over time; a calculation uses the row in force on the date of the work.</summary>
public sealed class Versioned<T>
{
    private readonly ParameterRow<T>[] _rows;

    /// <summary>Rows must not overlap; gaps mean "no rule in force".</summary>
    public Versioned(params ParameterRow<T>[] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _rows = [.. rows.OrderBy(r => r.From)];
        for (var i = 1; i < _rows.Length; i++)
        {
            var previous = _rows[i - 1];
            if (previous.To is null || previous.To.Value >= _rows[i].From)
                throw new ArgumentException($"Radene overlapper: {previous.From} og {_rows[i].From}.", nameof(rows));
        }
    }

    /// <summary>All rows, oldest first.</summary>
    public IReadOnlyList<ParameterRow<T>> Rows => _rows;

    /// <summary>The row in force on a date, or null.</summary>
    public ParameterRow<T>? RowAt(LocalDate date)
    {
        for (var i = _rows.Length - 1; i >= 0; i--)
        {
            if (_rows[i].From <= date) return _rows[i].Covers(date) ? _rows[i] : null;
        }
        return null;
    }
}
