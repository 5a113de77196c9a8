@testable import DropinCore
import Mustache
import Testing

/// A stencil filled in must give what the template gives rendered whole, and a template a
/// stencil cannot stand for must get none.
struct StencilTests {
    /// A template with two values, one escaped and one written as it is, and a list of items.
    static let template = """
        {{% CONTENT_TYPE: HTML}}
        <h1 title="{{a}}">{{a}}</h1>{{{b}}}
        <ul>
        {{#items}}
        <li>{{{.}}}</li>
        {{/items}}
        </ul>
        """

    static func render(_ template: String, _ values: [String], _ items: [String]) throws -> String {
        _ = ContentTypes.registered
        var context: [String: Any] = ["items": items]
        for (name, value) in zip(["a", "b"], values) {
            context[name] = value
        }
        return try MustacheTemplate(string: template).render(context)
    }

    static func stencil(_ template: String, values: Int = 2, items: Bool = true) -> Stencil? {
        Stencil.make(values: values, items: items) { values, items in (try? render(template, values, items)) ?? "" }
    }

    @Test(arguments: [
        (["Tom & \"Jerry\" <b>'s", "<i>as it is</i>"], ["<x-a></x-a>"]),
        (["", ""], ["1", "2"]),
        (["\u{E000}vV0&\u{E000} \u{E001}iI0\u{E001}", "\u{E000}vV1&amp;\u{E000}"], ["\u{E000}iI1\u{E000}", "b", "c", "d", "e"]),
        (["e\u{301}<\u{301}", "&amp;"], ["é", "<", "&"]),
    ])
    func aStencilFilledInIsTheTemplateRendered(values: [String], items: [String]) throws {
        let stencil = try #require(Self.stencil(Self.template))
        #expect(stencil.filled(values: values, items: items) == (try Self.render(Self.template, values, items)))
    }

    @Test func valuesAloneNeedNoList() throws {
        let template = "{{% CONTENT_TYPE: HTML}}<p>{{a}}</p><p>{{{b}}}</p><p>{{a}}</p>"
        let stencil = try #require(Self.stencil(template, items: false))
        #expect(stencil.filled(values: ["<1>", "<2>"], items: []) == "<p>&lt;1&gt;</p><p><2></p><p>&lt;1&gt;</p>")
        #expect(stencil.filled(values: ["<1>", "<2>"], items: []) == (try Self.render(template, ["<1>", "<2>"], [])))
    }

    /// Its text before and after the items may hold part of the first and last item's.
    @Test func aStencilWithAListIsNotFilledWithoutItems() throws {
        let stencil = try #require(Self.stencil(Self.template))
        #expect(stencil.filled(values: ["a", "b"], items: []) == nil)
    }

    @Test(arguments: [
        // A value shown transformed, or escaped for another language.
        "{{% CONTENT_TYPE: HTML}}<p>{{uppercased(a)}}</p>{{#items}}{{{.}}}{{/items}}",
        "{{% CONTENT_TYPE: HTML}}<p>{{lowercased(a)}}</p>{{#items}}{{{.}}}{{/items}}",
        "{{% CONTENT_TYPE: HTML}}<p>{{capitalized(a)}}</p>{{#items}}{{{.}}}{{/items}}",
        "{{% CONTENT_TYPE: JS}}let a = {{a}};{{#items}}{{{.}}}{{/items}}",
        // Items not all shown alike.
        "{{% CONTENT_TYPE: HTML}}{{a}}{{#items}}<li value=\"{{index()}}\">{{{.}}}</li>{{/items}}",
        "{{% CONTENT_TYPE: HTML}}{{a}}{{#items}}{{{.}}}{{#even()}}-{{/even()}}{{/items}}",
        // A value shown between two items.
        "{{% CONTENT_TYPE: HTML}}{{#items}}{{{.}}}{{a}}{{/items}}",
        // Fixed text written like a stand-in.
        "{{% CONTENT_TYPE: HTML}}<p>\u{E000}vV0&\u{E000}</p>{{a}}{{#items}}{{{.}}}{{/items}}",
        "{{% CONTENT_TYPE: HTML}}<p>\u{E000}iI0\u{E000}</p>{{a}}{{#items}}{{{.}}}{{/items}}",
        "{{% CONTENT_TYPE: HTML}}<p>\u{E000}</p>{{a}}",
    ])
    func aTemplateAStencilCannotStandForGetsNone(template: String) {
        #expect(Self.stencil(template) == nil)
    }
}
