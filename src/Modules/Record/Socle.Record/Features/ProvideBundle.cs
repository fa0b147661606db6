using Socle.Record.Access;

namespace Socle.Record.Features;

/// <summary>One document of a deposit: its DocumentReference, its bytes and, for a replacement, the document it replaces.</summary>
internal sealed record ProvidedDocument(int EntryIndex, string FullUrl, DocumentReference Reference, byte[] Content, Guid? Replaces);

/// <summary>An entry of the request, to answer in the same order.</summary>
internal sealed record ProvidedEntry(string Kind, string FullUrl, string? DocumentFullUrl);

/// <summary>The structure of an ITI-65 bundle, checked: one SubmissionSet, its documents, their Binaries, one patient, no dangling reference.</summary>
internal sealed record ProvideBundle(
    List SubmissionSet,
    string SubmissionSetUniqueId,
    PatientReference Patient,
    IReadOnlyList<ProvidedDocument> Documents,
    IReadOnlyList<ProvidedEntry> EntryOrder)
{
    public static ProvideBundle Parse(Bundle bundle)
    {
        if (bundle.Type != "transaction")
        {
            throw Invalid("An ITI-65 Provide Document Bundle is a Bundle of type 'transaction'.");
        }

        var entries = bundle.Entry ?? [];
        var byUrl = new Dictionary<string, (int Index, FhirResource Resource)>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.FullUrl is not { Length: > 0 } fullUrl || entry.Resource is null)
            {
                throw Invalid($"Bundle.entry[{i}] needs a fullUrl and a resource.");
            }

            if (entry.Request is not { Method: "POST" })
            {
                throw Invalid($"Bundle.entry[{i}].request.method must be POST (ITI-65 creates).");
            }

            if (!byUrl.TryAdd(fullUrl, (i, entry.Resource)))
            {
                throw Invalid($"Bundle.entry[{i}].fullUrl '{fullUrl}' is used twice.");
            }
        }

        var lists = byUrl.Values.Where(v => v.Resource is List).ToList();
        if (lists is not [var (listIndex, listResource)])
        {
            throw Invalid("The bundle must hold exactly one SubmissionSet List.");
        }

        var list = (List)listResource;
        var submissionUniqueId = list.Identifier?.FirstOrDefault(i => i.Use == "usual")?.Value ?? list.Identifier?.FirstOrDefault()?.Value
            ?? throw Invalid($"Bundle.entry[{listIndex}] (SubmissionSet) needs an identifier (its unique id).");
        if (list.Subject is null)
        {
            throw Invalid($"Bundle.entry[{listIndex}].subject (the patient) is required.");
        }

        var patient = PatientReference.FromReference(list.Subject, $"Bundle.entry[{listIndex}].subject");
        var items = (list.Entry ?? []).Select(e => e.Item?.ReferenceValue).ToList();
        foreach (var item in items)
        {
            if (item is null || !byUrl.TryGetValue(item, out var target) || target.Resource is not DocumentReference)
            {
                throw RecordErrors.DanglingReference.WithMessage($"The SubmissionSet entry '{item}' names no DocumentReference of the bundle.").ToException();
            }
        }

        var documents = new List<ProvidedDocument>();
        var binaryOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (url, (index, resource)) in byUrl)
        {
            switch (resource)
            {
                case DocumentReference reference:
                    documents.Add(Document(url, index, reference, patient, byUrl, binaryOwners));
                    if (!items.Contains(url))
                    {
                        throw Invalid($"Bundle.entry[{index}] (DocumentReference) is not listed in the SubmissionSet.");
                    }

                    break;
                case List or Binary:
                    break;
                default:
                    throw Invalid($"Bundle.entry[{index}] is a {resource.ResourceType}; an ITI-65 bundle holds a List, DocumentReferences and Binaries.");
            }
        }

        if (documents.Count == 0)
        {
            throw Invalid("The bundle holds no DocumentReference.");
        }

        foreach (var (url, (index, resource)) in byUrl)
        {
            if (resource is Binary && !binaryOwners.ContainsKey(url))
            {
                throw RecordErrors.DanglingReference.WithMessage($"Bundle.entry[{index}] (Binary) is not the content of any DocumentReference.").ToException();
            }
        }

        var order = entries.Select(e => new ProvidedEntry(e.Resource!.ResourceType, e.FullUrl!, e.Resource is Binary ? binaryOwners[e.FullUrl!] : null)).ToList();
        return new ProvideBundle(list, submissionUniqueId, patient, documents.OrderBy(d => d.EntryIndex).ToList(), order);
    }

    private static ProvidedDocument Document(
        string url, int index, DocumentReference reference, PatientReference patient, Dictionary<string, (int Index, FhirResource Resource)> byUrl, Dictionary<string, string> binaryOwners)
    {
        var path = $"Bundle.entry[{index}]";
        if (reference.Subject is null || PatientReference.FromReference(reference.Subject, $"{path}.subject") != patient)
        {
            throw Invalid($"{path}.subject must name the same patient as the SubmissionSet.");
        }

        if (reference.Content is not [{ Attachment: { } attachment }])
        {
            throw Invalid($"{path}.content must hold exactly one attachment.");
        }

        byte[] content;
        if (attachment.Url is { } binaryUrl)
        {
            if (!byUrl.TryGetValue(binaryUrl, out var target) || target.Resource is not Binary binary)
            {
                throw RecordErrors.DanglingReference.WithMessage($"{path}.content[0].attachment.url '{binaryUrl}' names no Binary of the bundle.").ToException();
            }

            if (!binaryOwners.TryAdd(binaryUrl, url))
            {
                throw Invalid($"The Binary '{binaryUrl}' is the content of two DocumentReferences.");
            }

            content = binary.Data ?? throw Invalid($"Bundle.entry[{target.Index}] (Binary) has no data.");
        }
        else
        {
            content = attachment.Data ?? throw Invalid($"{path}.content[0].attachment has neither a url to a Binary nor data.");
        }

        Guid? replaces = null;
        foreach (var relation in reference.RelatesTo ?? [])
        {
            var target = relation.Target?.ReferenceValue;
            var id = target?.StartsWith("DocumentReference/", StringComparison.Ordinal) == true ? target["DocumentReference/".Length..] : null;
            if (relation.Code != "replaces" || id is null || !Guid.TryParseExact(id, "N", out var guid))
            {
                throw Invalid($"{path}.relatesTo: only 'replaces' a DocumentReference/{{id}} of the record is supported.");
            }

            replaces = replaces is null ? guid : throw Invalid($"{path} replaces more than one document.");
        }

        return new ProvidedDocument(index, url, reference, content, replaces);
    }

    private static DomainException Invalid(string message) => RecordErrors.InvalidBundle.WithMessage(message).ToException();
}
