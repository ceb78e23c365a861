using System.Globalization;
using Google.OrTools.Sat;
using Google.Protobuf.Reflection;

namespace Selvstyrt.Rostering;

/// <summary>
/// CP-SAT parameters as text, checked before they reach the native solver: an unknown name, a wrong value or a
/// non-repeated field given twice makes OR-Tools abort the whole process, so every <c>name:value</c> is checked
/// against the <see cref="SatParameters"/> descriptor, and a later value replaces an earlier one (repeated fields,
/// such as <c>subsolvers</c>, keep every value).
/// </summary>
public static class SolverParameters
{
    /// <summary>Merges parameter texts (later wins); throws <see cref="ArgumentException"/> in Norwegian naming the bad entry.</summary>
    public static string Merge(params string?[] texts)
    {
        var single = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        var repeated = new List<string>();
        foreach (var text in texts)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            foreach (var token in text.Split([' ', '\t', '\n', ','], StringSplitOptions.RemoveEmptyEntries))
            {
                var colon = token.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0 || colon == token.Length - 1) throw new ArgumentException($"Løserparameteren «{token}» må ha formen navn:verdi.");
                var name = token[..colon];
                var value = token[(colon + 1)..];
                var field = SatParameters.Descriptor.FindFieldByName(name) ?? throw new ArgumentException($"Løserparameteren «{name}» finnes ikke i CP-SAT.");
                if (!Valid(field, value)) throw new ArgumentException($"Løserparameteren «{name}» kan ikke ha verdien «{value}».");
                if (field.IsRepeated)
                {
                    repeated.Add($"{name}:{value}");
                    continue;
                }
                if (!single.ContainsKey(name)) order.Add(name);
                single[name] = value;
            }
        }
        return string.Join(' ', order.Select(n => $"{n}:{single[n]}").Concat(repeated));
    }

    private static bool Valid(FieldDescriptor field, string value)
    {
        var ci = CultureInfo.InvariantCulture;
        return field.FieldType switch
        {
            FieldType.Bool => value is "true" or "false",
            FieldType.Double or FieldType.Float => double.TryParse(value, NumberStyles.Float, ci, out _),
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => int.TryParse(value, NumberStyles.Integer, ci, out _),
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => long.TryParse(value, NumberStyles.Integer, ci, out _),
            FieldType.UInt32 or FieldType.Fixed32 => uint.TryParse(value, NumberStyles.Integer, ci, out _),
            FieldType.UInt64 or FieldType.Fixed64 => ulong.TryParse(value, NumberStyles.Integer, ci, out _),
            FieldType.Enum => field.EnumType.FindValueByName(value) is not null,
            FieldType.String => value.Length >= 2 && value[0] == '"' && value[^1] == '"' && value[1..^1].All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'),
            _ => false,
        };
    }
}
