using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using Selvstyrt.Rostering.Bpa;

/// <summary>
/// Small valid inputs for the targets whose seeds are made, not copied (AFL++ works best from a few small valid files):
/// the ten-hour BPA instance, an assistant import as CSV and as an Excel workbook, and an arrangement bundle's frame.
/// </summary>
internal static class Seeds
{
    public static void Write(string folder)
    {
        Save(folder, "bpa", "ti-timer.json", Encoding.UTF8.GetBytes(BpaJson.WriteProblem(BpaInstances.TenHours())));
        const string csv = "Navn;E-post;Telefon;Fødselsdato;Stilling\nKari Nordmann;kari@example.no;+47 999 99 999;1990-05-17;50\nOla Berg;;;;100\n";
        Save(folder, "import-csv", "assistenter.csv", Encoding.UTF8.GetBytes(csv));
        using (var workbook = new XLWorkbook())
        {
            var sheet = workbook.AddWorksheet("Assistenter");
            string[][] rows = [["Navn", "E-post", "Stilling"], ["Kari Nordmann", "kari@example.no", "50"], ["Ola Berg", "", "100"]];
            for (var r = 0; r < rows.Length; r++)
                for (var c = 0; c < rows[r].Length; c++) sheet.Cell(r + 1, c + 1).Value = rows[r][c];
            using var buffer = new MemoryStream();
            workbook.SaveAs(buffer);
            Save(folder, "import-xlsx", "assistenter.xlsx", buffer.ToArray());
        }
        using (var buffer = new MemoryStream())
        {
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                var entry = zip.CreateEntry("arrangement.json");
                using var stream = entry.Open();
                stream.Write(Encoding.UTF8.GetBytes("""{"format":"selvstyrt.arrangement-bundle","version":1,"model":"ErasureRequests","sections":{"arrangements":[{"id":"0193a000-0000-7000-8000-000000000001","name":"Ordningen"}]},"references":{}}"""));
            }
            Save(folder, "bundle", "ordning.zip", buffer.ToArray());
        }
    }

    private static void Save(string folder, string target, string name, byte[] bytes)
    {
        var path = Path.Combine(folder, target);
        Directory.CreateDirectory(path);
        File.WriteAllBytes(Path.Combine(path, name), bytes);
    }
}
