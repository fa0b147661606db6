using System.Text.Json.Nodes;

namespace Socle.Connect.Oidc;

/// <summary>
/// What a token family remembers of its login, so that a refresh issues the same claims without a new login:
/// subject, authentication facts (time, acr, amr, mode, session) and the person claims of that moment.
/// </summary>
internal sealed record FamilyClaims(
    string Subject,
    string PersonId,
    long AuthTime,
    string Acr,
    IReadOnlyList<string> Amr,
    string AuthMode,
    string? SessionId,
    IReadOnlyDictionary<string, string> Access,
    JsonObject Userinfo)
{
    public const string Direct = "direct";
    public const string Indirect = "indirect";

    /// <summary>eIDAS "substantial": the only level Pro Santé Connect asserts, reached with a second factor.</summary>
    public const string Eidas1 = "eidas1";

    public string ToJson() => new JsonObject
    {
        ["sub"] = Subject,
        ["person"] = PersonId,
        ["auth_time"] = AuthTime,
        ["acr"] = Acr,
        ["amr"] = new JsonArray(Amr.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
        ["auth_mode"] = AuthMode,
        ["sid"] = SessionId,
        ["access"] = new JsonObject(Access.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value)))),
        ["userinfo"] = Userinfo.DeepClone(),
    }.ToJsonString();

    public static FamilyClaims FromJson(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        return new FamilyClaims(
            node["sub"]!.GetValue<string>(),
            node["person"]!.GetValue<string>(),
            node["auth_time"]!.GetValue<long>(),
            node["acr"]!.GetValue<string>(),
            node["amr"]!.AsArray().Select(a => a!.GetValue<string>()).ToList(),
            node["auth_mode"]!.GetValue<string>(),
            node["sid"]?.GetValue<string>(),
            node["access"]!.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<string>()),
            node["userinfo"]!.AsObject().DeepClone().AsObject());
    }
}
