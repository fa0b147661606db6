using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Socle.Record.Cda;

/// <summary>
/// Reads the header of a CDA R2 document with a hardened reader: no DTD (refused at the DOCTYPE, before any element),
/// no entity expansion, no external resolution, a size cap. The body is checked for well-formedness, not loaded.
/// </summary>
internal static class CdaHeaderReader
{
    public const string Hl7 = "urn:hl7-org:v3";
    private static readonly XNamespace V3 = Hl7;

    public static CdaHeader Read(byte[] content)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = (long)content.Length * 2 + 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        XElement? root;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var reader = XmlReader.Create(stream, settings);
            root = ReadHeader(reader);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("DOCTYPE", StringComparison.OrdinalIgnoreCase))
        {
            throw RecordErrors.CdaDtd.ToException();
        }
        catch (XmlException ex)
        {
            throw RecordErrors.CdaMalformed.WithMessage($"The document is not well-formed XML (line {ex.LineNumber}, position {ex.LinePosition}).").ToException();
        }

        if (root is null || root.Name != V3 + "ClinicalDocument")
        {
            throw RecordErrors.CdaMalformed.WithMessage("The document's root element is not ClinicalDocument in the urn:hl7-org:v3 namespace.").ToException();
        }

        var patientIds = root.Elements(V3 + "recordTarget").Elements(V3 + "patientRole").Elements(V3 + "id")
            .Select(id => ((string?)id.Attribute("root") ?? string.Empty, (string?)id.Attribute("extension")))
            .ToList();
        var authorIds = root.Elements(V3 + "author").Elements(V3 + "assignedAuthor").Elements(V3 + "id")
            .Select(id => (string?)id.Attribute("extension"))
            .OfType<string>()
            .ToList();
        var serviceTime = root.Elements(V3 + "documentationOf").Elements(V3 + "serviceEvent").Elements(V3 + "effectiveTime").FirstOrDefault();
        var body = root.Element(V3 + "component");
        var structured = body?.Element(V3 + "structuredBody") is not null;
        var nonXml = body?.Element(V3 + "nonXMLBody");
        if (!structured && nonXml is null)
        {
            throw RecordErrors.CdaMalformed.WithMessage("The CDA has neither a structuredBody (level 3) nor a nonXMLBody (level 1).").ToException();
        }

        return new CdaHeader(
            patientIds,
            (string?)root.Element(V3 + "code")?.Attribute("code"),
            authorIds,
            Time(root.Element(V3 + "effectiveTime")),
            Time(serviceTime?.Element(V3 + "low")),
            Time(serviceTime?.Element(V3 + "high")),
            structured,
            (string?)nonXml?.Element(V3 + "text")?.Attribute("mediaType"));
    }

    /// <summary>
    /// The root element with its header, and the body as a shell: element names and attributes down to the body's text
    /// (nonXMLBody/text), without their content. The body is most of a document (a level 1 CDA's base64 PDF), and the
    /// header check needs only its kind and media type; the reader still goes through it to the end, so that a document
    /// that is not well-formed anywhere is refused.
    /// </summary>
    private static XElement? ReadHeader(XmlReader reader)
    {
        if (reader.MoveToContent() != XmlNodeType.Element)
        {
            return null;
        }

        var root = ElementWithAttributes(reader);
        if (!reader.IsEmptyElement)
        {
            reader.Read();
            while (reader.NodeType != XmlNodeType.EndElement && !reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                }
                else if (reader.LocalName == "component" && reader.NamespaceURI == Hl7)
                {
                    root.Add(Shell(reader, depth: 2));
                }
                else
                {
                    root.Add(XNode.ReadFrom(reader));
                }
            }
        }

        while (reader.Read())
        {
        }

        return root;
    }

    /// <summary>
    /// The element the reader is on with its attributes, and its child elements down to <paramref name="depth"/> levels
    /// as shells too, without text; the reader ends past the element.
    /// </summary>
    private static XElement Shell(XmlReader reader, int depth)
    {
        var element = ElementWithAttributes(reader);
        if (reader.IsEmptyElement || depth == 0)
        {
            reader.Skip();
            return element;
        }

        reader.Read();
        while (reader.NodeType != XmlNodeType.EndElement && !reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                element.Add(Shell(reader, depth - 1));
            }
            else
            {
                reader.Skip();
            }
        }

        reader.Read();
        return element;
    }

    /// <summary>The element the reader is on, with its attributes (not the namespace declarations); the reader stays on it.</summary>
    private static XElement ElementWithAttributes(XmlReader reader)
    {
        var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.NamespaceURI != XNamespace.Xmlns.NamespaceName)
                {
                    element.SetAttributeValue(XName.Get(reader.LocalName, reader.NamespaceURI), reader.Value);
                }
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }

        return element;
    }

    /// <summary>An HL7 v3 TS (yyyyMMdd[HHmm[ss]][+zzzz]); a time without zone is read as UTC.</summary>
    internal static DateTimeOffset? Time(XElement? element)
    {
        var value = (string?)element?.Attribute("value");
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var zoneAt = value.IndexOfAny(['+', '-']);
        var local = zoneAt > 0 ? value[..zoneAt] : value;
        var offset = TimeSpan.Zero;
        if (zoneAt > 0)
        {
            var zone = value[(zoneAt + 1)..];
            if (zone.Length != 4 || !int.TryParse(zone, NumberStyles.None, CultureInfo.InvariantCulture, out var hhmm))
            {
                throw Malformed(value);
            }

            offset = new TimeSpan(hhmm / 100, hhmm % 100, 0) * (value[zoneAt] == '-' ? -1 : 1);
        }

        var dot = local.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            local = local[..dot];
        }

        string[] formats = ["yyyyMMddHHmmss", "yyyyMMddHHmm", "yyyyMMddHH", "yyyyMMdd"];
        return DateTime.TryParseExact(local, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? new DateTimeOffset(time, offset)
            : throw Malformed(value);
    }

    private static DomainException Malformed(string value) =>
        RecordErrors.CdaMalformed.WithMessage($"'{value}' is not an HL7 date-time (yyyyMMddHHmmss+zzzz).").ToException();
}
