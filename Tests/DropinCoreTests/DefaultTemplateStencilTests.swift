@testable import DropinCore
import Mustache
import Testing

/// dropin's own templates must get stencils: pages and elements are otherwise rendered whole,
/// as right but several times slower.
struct DefaultTemplateStencilTests {
    @Test func everyPageElementAndIndexEntryOfTheExampleGetsAStencil() throws {
        let text = try String(contentsOf: Fixtures.repository.appendingPathComponent("dropin.yml"), encoding: .utf8)
        let manifest = try #require(try validate(text).manifest)
        let plan = Planner(catalog: .dwolla).plan(manifest)
        let templates = try #require(TemplateSet.load(overrides: nil, displayFolder: "").0)
        let elements = SharedPartials(parts: templates.sharedParts, library: templates.library)
        let pages = PageStencils(library: templates.library, parts: elements)
        var pageCount = 0
        for file in plan.files {
            guard case .template(TemplateSet.page, let context as PageContext) = file.content else { continue }
            pageCount += 1
            let whole = templates.library.render(elements.shown(context), withTemplate: TemplateSet.page)
            #expect(pages.text(of: context) == whole, "\(file.path)")
            for element in context.components {
                #expect(elements.stencil(for: element, by: TemplateSet.element) != nil, "\(element.tag) in \(file.path)")
                #expect(elements.stencil(for: element, by: TemplateSet.indexElement) != nil, "\(element.tag) in \(file.path)")
            }
        }
        #expect(pageCount == plan.pageCount)
        #expect(elements.entryStencil != nil)
    }
}
