from qgis.core import QgsApplication

EXPECTED_ALGORITHMS = {"ign_offline:estimate_tiles", "ign_offline:download_tiles", "ign_offline:recover_cache",
                       "ign_offline:run_plan", "ign_offline:merge_mbtiles", "ign_offline:inventory",
                       "ign_offline:make_project_offline", "ign_offline:export_tiles",
                       "ign_offline:list_ftp_products", "ign_offline:download_ftp", "ign_offline:load_mbtiles",
                       "ign_offline:save_vector_styles", "ign_offline:list_datasets", "ign_offline:download_dataset",
                       "ign_offline:relief", "ign_offline:make_patch", "ign_offline:apply_patch",
                       "ign_offline:sync_field_folder"}
FONT = "Source Sans Pro"


def bundled_font_styles():
    from qgis.PyQt.QtGui import QFontDatabase

    return set(QFontDatabase().styles(FONT))


def test_load_unload_twice_leaves_nothing(desktop_iface):
    from ign_offline import classFactory

    canvas_items = len(desktop_iface.mapCanvas().scene().items())
    nothing = {"docks": [], "toolbars": [], "menus": [], "providers": []}
    assert desktop_iface.leftovers() == nothing

    for _ in range(2):
        plugin = classFactory(desktop_iface)
        plugin.initGui()
        registry = QgsApplication.processingRegistry()
        provider = registry.providerById("ign_offline")
        assert provider is not None
        assert {a.id() for a in provider.algorithms()} == EXPECTED_ALGORITHMS
        assert desktop_iface.leftovers() == {
            "docks": ["IgnOfflineDock"], "toolbars": ["IgnOfflineToolbar"],
            "menus": ["&IGN Offline"], "providers": ["ign_offline"]}
        # the toolbar button and the menu entry toggle the dock
        action = plugin.toolbar.actions()[0]
        assert action is plugin.action
        action.trigger()
        assert plugin.dock.isVisibleTo(desktop_iface.mainWindow())
        action.trigger()
        assert not plugin.dock.isVisibleTo(desktop_iface.mainWindow())

        plugin.unload()
        assert desktop_iface.leftovers() == nothing
        assert registry.providerById("ign_offline") is None
        assert len(desktop_iface.mapCanvas().scene().items()) == canvas_items


def test_constructor_and_processing_need_no_gui():
    """qgis_process builds the plugin with iface=None and only calls initProcessing."""
    from ign_offline import classFactory
    from ign_offline.toolbelt import fonts

    fonts.unregister_fonts()  # as a fresh QGIS has them: not at all
    assert not bundled_font_styles()
    plugin = classFactory(None)
    plugin.initProcessing()
    plugin.initProcessing()  # idempotent
    providers = [p for p in QgsApplication.processingRegistry().providers() if p.id() == "ign_offline"]
    assert len(providers) == 1
    # the fonts of IGN's vector styles, registered once for qgis_process too
    assert {"Regular", "Bold", "Italic", "Semibold"} <= bundled_font_styles()
    assert fonts.register_fonts() == len(fonts.font_files()) > 0
    plugin.unload()
    assert QgsApplication.processingRegistry().providerById("ign_offline") is None
    assert not bundled_font_styles()
