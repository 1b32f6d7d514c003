<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
  <context>
    <name>AreaPicker</name>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>1. Where: the area</source>
      <translation>1. Où : la zone</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>A preset area, the map canvas, a polygon layer, a rectangle drawn on the map, coordinates typed in, or one of your saved areas</source>
      <translation>Une zone prédéfinie, l'emprise de la carte, une couche de polygones, un rectangle dessiné sur la carte, des coordonnées saisies, ou une de vos zones enregistrées</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>Zoom to area</source>
      <translation>Zoomer sur la zone</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>Only the tiles meeting this layer's polygons are counted and downloaded</source>
      <translation>Seules les tuiles qui touchent les polygones de cette couche sont comptées et téléchargées</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>Selected features only</source>
      <translation>Entités sélectionnées seulement</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>Longitudes and latitudes in degrees (WGS 84), west to east and south to north</source>
      <translation>Longitudes et latitudes en degrés (WGS 84), d'ouest en est et du sud au nord</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>West</source>
      <translation>Ouest</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>°</source>
      <translation>°</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>East</source>
      <translation>Est</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>South</source>
      <translation>Sud</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>North</source>
      <translation>Nord</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>Draw on the map</source>
      <translation>Dessiner sur la carte</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>Drag a rectangle on the map canvas: it becomes the area</source>
      <translation>Tracez un rectangle sur la carte : il devient la zone</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>Save area…</source>
      <translation>Enregistrer la zone…</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>Keep this area under a name of yours, in the list above</source>
      <translation>Garder cette zone sous un nom à vous, dans la liste ci-dessus</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>Forget</source>
      <translation>Oublier</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>Remove this saved area from the list</source>
      <translation>Retirer cette zone enregistrée de la liste</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>Overview basemap under the area</source>
      <translation>Fond de carte d'ensemble sous la zone</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>2. How detailed: zoom levels</source>
      <translation>2. Quel détail : niveaux de zoom</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>From zoom</source>
      <translation>Du zoom</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>to</source>
      <translation>au</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>Zoom</source>
      <translation>Zoom</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>Tiles per layer</source>
      <translation>Tuiles par couche</translation>
    </message>
    <message>
      <source>Plan IGN from your library when it is there, else from the Géoplateforme (needs the network)</source>
      <translation type="obsolete">Le Plan IGN de votre bibliothèque s'il y est, sinon celui de la Géoplateforme (réseau nécessaire)</translation>
    </message>
  </context>
  <context>
    <name>CachePage</name>
    <message>
      <location filename="../ui/cache_page.ui" />
      <source>Tiles QGIS already downloaded while you browsed, turned into MBTiles with no new download. The cache is only read; the files go to the library folder (its “QGIS cache” folder).</source>
      <translation>Les tuiles que QGIS a déjà téléchargées pendant que vous naviguiez, transformées en MBTiles sans nouveau téléchargement. Le cache est seulement lu ; les fichiers vont dans la bibliothèque (son dossier « QGIS cache »).</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.ui" />
      <source>QGIS cache folder</source>
      <translation>Dossier du cache de QGIS</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.ui" />
      <source>Scan</source>
      <translation>Analyser</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.ui" />
      <source>Recover</source>
      <translation>Récupérer</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.ui" />
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.ui" />
      <source>Layer</source>
      <translation>Couche</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.ui" />
      <source>Zooms</source>
      <translation>Zooms</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.ui" />
      <source>Tiles</source>
      <translation>Tuiles</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.ui" />
      <source>Size</source>
      <translation>Taille</translation>
    </message>
  </context>
  <context>
    <name>DatasetsPage</name>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>Whole IGN datasets for the départements the area meets, from the Géoplateforme download service: data, not pictures. BD TOPO (roads, buildings, rivers, place names you can query), RGE ALTI (elevation: hillshade, slopes and contours computed here), BD ORTHO (full-resolution orthophotos), Parcellaire Express (cadastre). List first: the sizes are known before anything is fetched; a second run fetches only what changed.</source>
      <translation>Les jeux de données complets de l'IGN pour les départements que touche la zone, depuis le service de téléchargement de la Géoplateforme : des données, pas des images. BD TOPO (routes, bâtiments, cours d'eau, toponymes que l'on peut interroger), RGE ALTI (altitude : ombrage, pentes et courbes de niveau calculés ici), BD ORTHO (orthophotos en pleine résolution), Parcellaire Express (cadastre). Listez d'abord : les tailles sont connues avant tout téléchargement ; une nouvelle exécution ne récupère que ce qui a changé.</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>BD TOPO</source>
      <translation>BD TOPO</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>Vector data as a GeoPackage: roads, buildings, rivers, place names you can query</source>
      <translation>Données vecteur en GeoPackage : routes, bâtiments, cours d'eau, toponymes que l'on peut interroger</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>Parcellaire Express</source>
      <translation>Parcellaire Express</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>The cadastre: parcels, cadastral sheets, buildings</source>
      <translation>Le cadastre : parcelles, feuilles cadastrales, bâtiments</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>RGE ALTI 5 m</source>
      <translation>RGE ALTI 5 m</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>Elevation grids at 5 m: hillshade, slope map and contours computed here</source>
      <translation>Grilles d'altitude au pas de 5 m : ombrage, carte des pentes et courbes de niveau calculés ici</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>RGE ALTI 1 m</source>
      <translation>RGE ALTI 1 m</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>Elevation grids at 1 m (about 4 GB per département): hillshade, slope map and contours computed here</source>
      <translation>Grilles d'altitude au pas de 1 m (environ 4 Go par département) : ombrage, carte des pentes et courbes de niveau calculés ici</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>BD ORTHO 20 cm</source>
      <translation>BD ORTHO 20 cm</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>Orthophotos at 20 cm, tens of GB per département: list first and look at the size</source>
      <translation>Orthophotos à 20 cm, des dizaines de Go par département : listez d'abord et regardez la taille</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>The Géoplateforme download service (change it only for a copy or a test server)</source>
      <translation>Le service de téléchargement de la Géoplateforme (à ne changer que pour une copie ou un serveur de test)</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>List for this area</source>
      <translation>Lister pour cette zone</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>Ask the service which editions cover the area, with their size and whether the library has them</source>
      <translation>Demander au service quelles éditions couvrent la zone, avec leur taille et si la bibliothèque les a déjà</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>Product</source>
      <translation>Produit</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>Département</source>
      <translation>Département</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>Edition</source>
      <translation>Édition</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>Files</source>
      <translation>Fichiers</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>Size</source>
      <translation>Taille</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>Status</source>
      <translation>État</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>Tick products, then list them for the area.</source>
      <translation>Cochez des produits, puis listez-les pour la zone.</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>Options</source>
      <translation>Options</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>Clip to the area</source>
      <translation>Découper à la zone</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>Keep only what lies in the area (a smaller GeoPackage, relief and mosaic of the area); the whole départements stay in the library</source>
      <translation>Ne garder que ce qui est dans la zone (un GeoPackage, un relief et une mosaïque de la zone, plus petits) ; les départements entiers restent dans la bibliothèque</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>Keep the archives (.7z)</source>
      <translation>Garder les archives (.7z)</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>Keep the downloaded archives beside what they hold (more disk space; nothing to fetch again to extract anew)</source>
      <translation>Garder les archives téléchargées à côté de leur contenu (plus de place sur le disque ; rien à télécharger de nouveau pour les extraire encore)</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>Hillshade</source>
      <translation>Ombrage</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>RGE ALTI: a shaded relief (COG) computed here</source>
      <translation>RGE ALTI : un relief ombré (COG) calculé ici</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>Slope map</source>
      <translation>Carte des pentes</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>RGE ALTI: slopes in degrees (COG) computed here</source>
      <translation>RGE ALTI : les pentes en degrés (COG) calculées ici</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>Contours every</source>
      <translation>Courbes de niveau tous les</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>RGE ALTI: contour lines (GeoPackage) computed here</source>
      <translation>RGE ALTI : courbes de niveau (GeoPackage) calculées ici</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>Add to the project</source>
      <translation>Ajouter au projet</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>Download</source>
      <translation>Télécharger</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>Fetch what the listing says is new or updated, check it, extract it into the library</source>
      <translation>Télécharger ce que la liste indique comme nouveau ou mis à jour, le vérifier, l'extraire dans la bibliothèque</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>Add to plan</source>
      <translation>Ajouter au plan</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>The ticked products over this area become entries of the library's plan, which keeps them fresh</source>
      <translation>Les produits cochés sur cette zone deviennent des entrées du plan de la bibliothèque, qui les tient à jour</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>Open folder</source>
      <translation>Ouvrir le dossier</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.ui" />
      <source>The library's datasets folder in the file manager</source>
      <translation>Le dossier des jeux de données de la bibliothèque dans le gestionnaire de fichiers</translation>
    </message>
    <message>
      <source>BD ORTHO 20 cm (orthophotos)</source>
      <translation type="obsolete">BD ORTHO 20 cm (orthophotos)</translation>
    </message>
    <message>
      <source>BD TOPO (vector, GeoPackage)</source>
      <translation type="obsolete">BD TOPO (vecteur, GeoPackage)</translation>
    </message>
    <message>
      <source>Parcellaire Express (cadastre)</source>
      <translation type="obsolete">Parcellaire Express (cadastre)</translation>
    </message>
    <message>
      <source>RGE ALTI 1 m (elevation)</source>
      <translation type="obsolete">RGE ALTI 1 m (altitude)</translation>
    </message>
    <message>
      <source>RGE ALTI 5 m (elevation)</source>
      <translation type="obsolete">RGE ALTI 5 m (altitude)</translation>
    </message>
    <message>
      <source>Tens of GB per département: list first and look at the size</source>
      <translation type="obsolete">Des dizaines de Go par département : listez d'abord et regardez la taille</translation>
    </message>
  </context>
  <context>
    <name>DownloadPage</name>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>3. What: the layers</source>
      <translation>3. Quoi : les couches</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>The Géoplateforme (public layers, or private ones with an account), another WMTS server, or an XYZ address with {z}/{x}/{y}</source>
      <translation>La Géoplateforme (couches publiques, ou privées avec un compte), un autre serveur WMTS, ou une adresse XYZ avec {z}/{x}/{y}</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Read layers</source>
      <translation>Lire les couches</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Ask the server for all its layers (their titles and identifiers)</source>
      <translation>Demander au serveur toutes ses couches (titres et identifiants)</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Account of private layers, kept in the QGIS authentication database: Basic (the key in the password, or a login) or OAuth2 (a Géoplateforme account)</source>
      <translation>Compte des couches privées, gardé dans la base d'authentification de QGIS : Basic (la clé comme mot de passe, ou un identifiant) ou OAuth2 (un compte Géoplateforme)</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Sign in with the OAuth2 account in your browser, then list its private layers</source>
      <translation>Se connecter avec le compte OAuth2 dans votre navigateur, puis lister ses couches privées</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Sign in</source>
      <translation>Se connecter</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Search: title or identifier (Enter ticks it)</source>
      <translation>Rechercher : titre ou identifiant (Entrée la coche)</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Type part of a title or identifier to find a layer; Enter ticks the layer found, or takes what you typed as an identifier (checked against the server before anything is downloaded)</source>
      <translation>Tapez une partie d'un titre ou d'un identifiant pour trouver une couche ; Entrée coche la couche trouvée, ou prend ce que vous avez tapé comme identifiant (vérifié auprès du serveur avant tout téléchargement)</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Tick every layer to download: one file per layer in the library folder</source>
      <translation>Cochez chaque couche à télécharger : un fichier par couche dans le dossier de la bibliothèque</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>4. How much: per layer and in total</source>
      <translation>4. Combien : par couche et au total</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Layer</source>
      <translation>Couche</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Tiles</source>
      <translation>Tuiles</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Size</source>
      <translation>Taille</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Time</source>
      <translation>Durée</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Parallel requests</source>
      <translation>Requêtes en parallèle</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Requests per second, at most</source>
      <translation>Requêtes par seconde, au plus</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>0 = no limit. The Géoplateforme allows 20 requests per second at most.</source>
      <translation>0 = sans limite. La Géoplateforme accepte 20 requêtes par seconde au plus.</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Estimate</source>
      <translation>Estimer</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Tiles, size and time per layer, from a few sample tiles (nothing is saved)</source>
      <translation>Tuiles, taille et durée par couche, d'après quelques tuiles d'échantillon (rien n'est enregistré)</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Download</source>
      <translation>Télécharger</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
  </context>
  <context>
    <name>FieldPage</name>
    <message>
      <location filename="../ui/field_page.ui" />
      <source>Take library files to the field: pick the files, the app, and the area and zooms above; the files go into the library's exports folder, one per file (split under the size cap).</source>
      <translation>Emportez des fichiers de la bibliothèque sur le terrain : choisissez les fichiers, l'application, ainsi que la zone et les zooms ci-dessus ; les fichiers vont dans le dossier exports de la bibliothèque, un par fichier (découpé sous la taille maximale).</translation>
    </message>
    <message>
      <location filename="../ui/field_page.ui" />
      <source>Library files</source>
      <translation>Fichiers de la bibliothèque</translation>
    </message>
    <message>
      <location filename="../ui/field_page.ui" />
      <source>List the MBTiles files of the library folder again</source>
      <translation>Relire les fichiers MBTiles du dossier de la bibliothèque</translation>
    </message>
    <message>
      <location filename="../ui/field_page.ui" />
      <source>Read the library</source>
      <translation>Lire la bibliothèque</translation>
    </message>
    <message>
      <location filename="../ui/field_page.ui" />
      <source>Everything in the library for this area</source>
      <translation>Tout ce que la bibliothèque contient pour cette zone</translation>
    </message>
    <message>
      <location filename="../ui/field_page.ui" />
      <source>App</source>
      <translation>Application</translation>
    </message>
    <message>
      <location filename="../ui/field_page.ui" />
      <source>Format</source>
      <translation>Format</translation>
    </message>
    <message>
      <location filename="../ui/field_page.ui" />
      <source>Size per file at most</source>
      <translation>Taille maximale par fichier</translation>
    </message>
    <message>
      <location filename="../ui/field_page.ui" />
      <source> MB</source>
      <translation> Mo</translation>
    </message>
    <message>
      <location filename="../ui/field_page.ui" />
      <source>Export</source>
      <translation>Exporter</translation>
    </message>
    <message>
      <location filename="../ui/field_page.ui" />
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <location filename="../ui/field_page.ui" />
      <source>The exports folder of the library, in the file manager</source>
      <translation>Le dossier exports de la bibliothèque, dans le gestionnaire de fichiers</translation>
    </message>
    <message>
      <location filename="../ui/field_page.ui" />
      <source>Open folder</source>
      <translation>Ouvrir le dossier</translation>
    </message>
    <message>
      <location filename="../ui/field_page.ui" />
      <source>Device copies: the exports and the offline project folders, with what a patch would bring them from the library</source>
      <translation>Copies des appareils : les exports et les dossiers de projets hors ligne, avec ce qu'un correctif leur apporterait de la bibliothèque</translation>
    </message>
    <message>
      <location filename="../ui/field_page.ui" />
      <source>Update the chosen copy in place by a patch; a copy that cannot be written gets its patch in the library's exports/patches folder, to carry</source>
      <translation>Mettre à jour sur place la copie choisie par un correctif ; une copie qui ne peut pas être écrite reçoit son correctif dans le dossier exports/patches de la bibliothèque, à emporter</translation>
    </message>
    <message>
      <location filename="../ui/field_page.ui" />
      <source>Update</source>
      <translation>Mettre à jour</translation>
    </message>
    <message>
      <location filename="../ui/field_page.ui" />
      <source>Add an offline project folder (made by make_project_offline) to the device copies</source>
      <translation>Ajouter un dossier de projet hors ligne (fait par make_project_offline) aux copies des appareils</translation>
    </message>
    <message>
      <location filename="../ui/field_page.ui" />
      <source>Add a folder…</source>
      <translation>Ajouter un dossier…</translation>
    </message>
    <message>
      <location filename="../ui/field_page.ui" />
      <source>Measure the patches of the device copies again</source>
      <translation>Mesurer de nouveau les correctifs des copies des appareils</translation>
    </message>
    <message>
      <location filename="../ui/field_page.ui" />
      <source>Measure</source>
      <translation>Mesurer</translation>
    </message>
    <message>
      <location filename="../ui/field_page.ui" />
      <source>After each patch, hash every tile of the copy: also finds tiles changed on the device behind its stored hash (a damaged card), but reads the whole copy, which takes as long as copying it. Off: only the patched tiles are read back.</source>
      <translation>Après chaque correctif, calculer l'empreinte de chaque tuile de la copie : trouve aussi les tuiles modifiées sur l'appareil à l'insu de son empreinte enregistrée (une carte abîmée), mais relit toute la copie, ce qui prend autant de temps que de la copier. Désactivé : seules les tuiles du correctif sont relues.</translation>
    </message>
    <message>
      <location filename="../ui/field_page.ui" />
      <source>Check the whole copy after an update</source>
      <translation>Vérifier toute la copie après une mise à jour</translation>
    </message>
  </context>
  <context>
    <name>FtpPage</name>
    <message>
      <location filename="../ui/ftp_page.ui" />
      <source>Orthophotos (aerial photographs, JPEG 2000, 1 km tiles) and the MNS (modèle numérique de surface: the height of the ground with its buildings and trees) from an open-data FTP server. Only the tiles of the area are fetched, resumed if interrupted, and loaded as one mosaic. RVB = natural colours; IRC = infrared false colours (vegetation in red).</source>
      <translation>Orthophotos (photographies aériennes, JPEG 2000, dalles de 1 km) et MNS (modèle numérique de surface : la hauteur du sol avec ses bâtiments et ses arbres) depuis un serveur FTP de données ouvertes. Seules les dalles de la zone sont récupérées, reprises en cas d'interruption, et chargées en une seule mosaïque. RVB = couleurs naturelles ; IRC = infrarouge fausses couleurs (la végétation en rouge).</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.ui" />
      <source>FTP server (anonymous login). odgeo.grandest.fr serves the Grand Est region (Alsace, Lorraine…): pick a product, then use its coverage as the area.</source>
      <translation>Serveur FTP (connexion anonyme). odgeo.grandest.fr couvre la région Grand Est (Alsace, Lorraine…) : choisissez un produit, puis utilisez son emprise comme zone.</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.ui" />
      <source>List products</source>
      <translation>Lister les produits</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.ui" />
      <source>Product</source>
      <translation>Produit</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.ui" />
      <source>Tiles</source>
      <translation>Tuiles</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.ui" />
      <source>Size</source>
      <translation>Taille</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.ui" />
      <source>Folder</source>
      <translation>Dossier</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.ui" />
      <source>Zoom to its coverage</source>
      <translation>Zoomer sur son emprise</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.ui" />
      <source>Show on the map where the product has tiles</source>
      <translation>Montrer sur la carte où le produit a des dalles</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.ui" />
      <source>Use its coverage as the area</source>
      <translation>Prendre son emprise comme zone</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.ui" />
      <source>The area becomes the box of the product's tiles (as coordinates you can narrow)</source>
      <translation>La zone devient le rectangle des dalles du produit (en coordonnées que vous pouvez resserrer)</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.ui" />
      <source>List the products, then pick one.</source>
      <translation>Listez les produits, puis choisissez-en un.</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.ui" />
      <source>Connections</source>
      <translation>Connexions</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.ui" />
      <source>Download</source>
      <translation>Télécharger</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.ui" />
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
  </context>
  <context>
    <name>IgnOffline</name>
    <message>
      <location filename="../algorithms/apply_patch.py" line="21" />
      <source>Apply a patch to a device's copy</source>
      <translation>Appliquer un correctif à la copie d'un appareil</translation>
    </message>
    <message>
      <location filename="../algorithms/apply_patch.py" line="25" />
      <source>Patch file (made by make_patch)</source>
      <translation>Fichier du correctif (fait par make_patch)</translation>
    </message>
    <message>
      <location filename="../algorithms/apply_patch.py" line="26" />
      <source>Copy to update</source>
      <translation>Copie à mettre à jour</translation>
    </message>
    <message>
      <location filename="../algorithms/apply_patch.py" line="27" />
      <source>The device's MBTiles copy, e.g. on a phone mounted over USB.</source>
      <translation>La copie MBTiles de l'appareil, p. ex. sur un téléphone branché en USB.</translation>
    </message>
    <message>
      <location filename="../algorithms/apply_patch.py" line="29" />
      <source>Apply to any copy</source>
      <translation>Appliquer à toute copie</translation>
    </message>
    <message>
      <location filename="../algorithms/apply_patch.py" line="30" />
      <source>Apply even to a copy the patch was not made for.</source>
      <translation>Appliquer même à une copie pour laquelle le correctif n'a pas été fait.</translation>
    </message>
    <message>
      <location filename="../algorithms/apply_patch.py" line="32" />
      <source>Check the whole copy</source>
      <translation>Vérifier toute la copie</translation>
    </message>
    <message>
      <location filename="../algorithms/apply_patch.py" line="33" />
      <source>After applying, hash every tile of the copy (reads it whole): also finds tiles changed on the device behind its stored hash. Off (the default, as martin's apply-patch): the copy's stored hash is trusted and only the patched tiles are read back, in the time of the patch rather than of the copy (a large copy on a slow card or USB link).</source>
      <translation>Après l'application, calculer l'empreinte de chaque tuile de la copie (la relit en entier) : trouve aussi les tuiles modifiées sur l'appareil à l'insu de son empreinte enregistrée. Désactivé (par défaut, comme apply-patch de martin) : l'empreinte enregistrée de la copie est tenue pour vraie et seules les tuiles du correctif sont relues, dans le temps du correctif plutôt que dans celui de la copie (une grande copie sur une carte ou un lien USB lents).</translation>
    </message>
    <message>
      <location filename="../algorithms/apply_patch.py" line="37" />
      <source>Tiles written (new or changed)</source>
      <translation>Tuiles écrites (nouvelles ou modifiées)</translation>
    </message>
    <message>
      <location filename="../algorithms/apply_patch.py" line="38" />
      <source>Tiles deleted</source>
      <translation>Tuiles supprimées</translation>
    </message>
    <message>
      <location filename="../algorithms/apply_patch.py" line="38" />
      <source>Bytes of the patch</source>
      <translation>Octets du correctif</translation>
    </message>
    <message>
      <location filename="../algorithms/apply_patch.py" line="39" />
      <source>Bytes of the copy</source>
      <translation>Octets de la copie</translation>
    </message>
    <message>
      <location filename="../algorithms/apply_patch.py" line="41" />
      <source>agg_tiles_hash of the updated copy</source>
      <translation>agg_tiles_hash de la copie mise à jour</translation>
    </message>
    <message>
      <location filename="../algorithms/apply_patch.py" line="47" />
      <source>TARGET '{}' does not exist: give the device's MBTiles copy.</source>
      <translation>TARGET « {} » n'existe pas : donnez la copie MBTiles de l'appareil.</translation>
    </message>
    <message>
      <location filename="../algorithms/apply_patch.py" line="55" />
      <source>{}: {:,} tiles written, {:,} deleted, {:,} metadata keys; agg_tiles_hash {}.</source>
      <translation>{} : {:,} tuiles écrites, {:,} supprimées, {:,} clés de métadonnées ; agg_tiles_hash {}.</translation>
    </message>
    <message>
      <location filename="../algorithms/apply_patch.py" line="58" />
      <source>FORCE: '{}' was not the copy the patch was made for; its tiles now hold agg_tiles_hash {}.</source>
      <translation>FORCE : « {} » n'était pas la copie pour laquelle le correctif a été fait ; ses tuiles ont maintenant l'agg_tiles_hash {}.</translation>
    </message>
    <message>
      <location filename="../algorithms/apply_patch.py" line="61" />
      <source>Checked: the patched tiles read back as written; the rest of the copy was not read (its stored hash trusted).</source>
      <translation>Vérifié : les tuiles du correctif se relisent telles qu'écrites ; le reste de la copie n'a pas été lu (son empreinte enregistrée tenue pour vraie).</translation>
    </message>
    <message>
      <location filename="../algorithms/apply_patch.py" line="64" />
      <source>The patch took {}, the copy is {}.</source>
      <translation>Le correctif occupait {}, la copie occupe {}.</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="21" />
      <source>Tiles</source>
      <translation>Tuiles</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="22" />
      <source>Offline library</source>
      <translation>Bibliothèque hors ligne</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="23" />
      <source>Field (offline projects, exports)</source>
      <translation>Terrain (projets hors ligne, exports)</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="24" />
      <source>Orthophotos and surface model (FTP)</source>
      <translation>Orthophotos et modèle de surface (FTP)</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="25" />
      <source>Whole datasets (BD TOPO, RGE ALTI, BD ORTHO, cadastre)</source>
      <translation>Jeux de données complets (BD TOPO, RGE ALTI, BD ORTHO, cadastre)</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="26" />
      <source>Load</source>
      <translation>Charger</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="111" />
      <source>{}: a temporary {} is deleted when QGIS closes; choose a {} of your own.</source>
      <translation>{} : un {} temporaire est supprimé à la fermeture de QGIS ; choisissez le vôtre ({}).</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="113" />
      <source>folder</source>
      <translation>dossier</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="113" />
      <source>file</source>
      <translation>fichier</translation>
    </message>
    <message>
      <location filename="../algorithms/download_dataset.py" line="94" />
      <source>Download IGN datasets for an area</source>
      <translation>Télécharger des jeux de données de l'IGN pour une zone</translation>
    </message>
    <message>
      <location filename="../algorithms/download_dataset.py" line="101" />
      <source>Library folder</source>
      <translation>Dossier de la bibliothèque</translation>
    </message>
    <message>
      <location filename="../algorithms/download_dataset.py" line="102" />
      <source>The datasets go in its datasets/ folder.</source>
      <translation>Les jeux de données vont dans son dossier datasets/.</translation>
    </message>
    <message>
      <location filename="../algorithms/download_dataset.py" line="104" />
      <source>Keep the archives (.7z)</source>
      <translation>Garder les archives (.7z)</translation>
    </message>
    <message>
      <location filename="../algorithms/download_dataset.py" line="105" />
      <source>Keep the downloaded archives after extraction.</source>
      <translation>Garder les archives téléchargées après l'extraction.</translation>
    </message>
    <message>
      <location filename="../algorithms/download_dataset.py" line="107" />
      <source>Clip to the area</source>
      <translation>Découper selon la zone</translation>
    </message>
    <message>
      <location filename="../algorithms/download_dataset.py" line="108" />
      <source>Else whole départements.</source>
      <translation>Sinon des départements entiers.</translation>
    </message>
    <message>
      <location filename="../algorithms/download_dataset.py" line="110" />
      <source>Relief: hillshade</source>
      <translation>Relief : ombrage</translation>
    </message>
    <message>
      <location filename="../algorithms/download_dataset.py" line="112" />
      <source>Relief: slope map</source>
      <translation>Relief : carte des pentes</translation>
    </message>
    <message>
      <location filename="../algorithms/download_dataset.py" line="114" />
      <source>Relief: contour interval (m)</source>
      <translation>Relief : équidistance des courbes (m)</translation>
    </message>
    <message>
      <location filename="../algorithms/download_dataset.py" line="116" />
      <source>Contour interval in metres (0 = no contours).</source>
      <translation>Équidistance des courbes de niveau en mètres (0 = pas de courbes).</translation>
    </message>
    <message>
      <location filename="../algorithms/download_dataset.py" line="118" />
      <source>Add the datasets to the project</source>
      <translation>Ajouter les jeux de données au projet</translation>
    </message>
    <message>
      <location filename="../algorithms/download_dataset.py" line="120" />
      <source>Datasets folder</source>
      <translation>Dossier des jeux de données</translation>
    </message>
    <message>
      <location filename="../algorithms/download_dataset.py" line="121" />
      <source>Files downloaded</source>
      <translation>Fichiers téléchargés</translation>
    </message>
    <message>
      <location filename="../algorithms/download_dataset.py" line="122" />
      <source>Bytes downloaded</source>
      <translation>Octets téléchargés</translation>
    </message>
    <message>
      <location filename="../algorithms/download_dataset.py" line="123" />
      <source>Zones already up to date</source>
      <translation>Zones déjà à jour</translation>
    </message>
    <message>
      <location filename="../algorithms/download_dataset.py" line="124" />
      <source>Files made (JSON list)</source>
      <translation>Fichiers produits (liste JSON)</translation>
    </message>
    <message>
      <location filename="../algorithms/download_dataset.py" line="126" />
      <source>Each département's outcome (JSON list of product, variant, zone, status)</source>
      <translation>Issue de chaque département (liste JSON : produit, variante, zone, état)</translation>
    </message>
    <message>
      <location filename="../algorithms/download_dataset.py" line="151" />
      <source>To download: {} ({} with extraction).</source>
      <translation>À télécharger : {} ({} avec l'extraction).</translation>
    </message>
    <message>
      <location filename="../algorithms/download_dataset.py" line="154" />
      <source>The download service lists none of these datasets for this area: check the area (IGN's datasets cover France) and SERVICE.</source>
      <translation>Le service de téléchargement ne liste aucun de ces jeux de données pour cette zone : vérifiez la zone (les jeux de données de l'IGN couvrent la France) et SERVICE.</translation>
    </message>
    <message>
      <location filename="../algorithms/download_dataset.py" line="163" />
      <source>{:,} file downloaded ({}); départements already up to date: {}.</source>
      <translation>{:,} fichier téléchargé ({}) ; départements déjà à jour : {}.</translation>
    </message>
    <message>
      <location filename="../algorithms/download_dataset.py" line="163" />
      <source>{:,} files downloaded ({}); départements already up to date: {}.</source>
      <translation>{:,} fichiers téléchargés ({}) ; départements déjà à jour : {}.</translation>
    </message>
    <message>
      <location filename="../algorithms/download_dataset.py" line="169" />
      <source>Cancelled: run again to resume where it stopped.</source>
      <translation>Annulé : relancez pour reprendre là où cela s'est arrêté.</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="38" />
      <source>Download orthophotos or MNS from FTP, by area</source>
      <translation>Télécharger des orthophotos ou le MNS par FTP, par zone</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="44" />
      <source>A path as list_ftp_products shows it.</source>
      <translation>Un chemin tel que list_ftp_products l'affiche.</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="44" />
      <source>Product folder</source>
      <translation>Dossier du produit</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="47" />
      <source>Folder for the tiles</source>
      <translation>Dossier des dalles</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="49" />
      <source>One sub-folder per product.</source>
      <translation>Un sous-dossier par produit.</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="51" />
      <source>Parallel FTP connections</source>
      <translation>Connexions FTP en parallèle</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="54" />
      <source>Add the mosaic to the project</source>
      <translation>Ajouter la mosaïque au projet</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="55" />
      <source>VRT mosaic</source>
      <translation>Mosaïque VRT</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="57" />
      <source>Files already there</source>
      <translation>Fichiers déjà présents</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="58" />
      <source>Files that failed</source>
      <translation>Fichiers en échec</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="65" />
      <source>Give PRODUCT, a product folder path as list_ftp_products shows it (e.g. /open_data/OHR_RVB_0M20_JP2-E100_LAMB93_D67-2015).</source>
      <translation>Indiquez PRODUCT, le chemin d'un dossier de produit tel que list_ftp_products l'affiche (par ex. /open_data/OHR_RVB_0M20_JP2-E100_LAMB93_D67-2015).</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="77" />
      <source>Reading {}{}…</source>
      <translation>Lecture de {}{}…</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="85" />
      <source>The product names no CRS: EPSG:{} assumed.</source>
      <translation>Le nom du produit ne dit pas son SCR : EPSG:{} supposé.</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="88" />
      <source>{}: {:,} tile; area in EPSG:{}: {:.0f}, {:.0f}, {:.0f}, {:.0f}</source>
      <translation>{} : {:,} dalle ; zone en EPSG:{} : {:.0f} ; {:.0f} ; {:.0f} ; {:.0f}</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="88" />
      <source>{}: {:,} tiles; area in EPSG:{}: {:.0f}, {:.0f}, {:.0f}, {:.0f}</source>
      <translation>{} : {:,} dalles ; zone en EPSG:{} : {:.0f} ; {:.0f} ; {:.0f} ; {:.0f}</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="99" />
      <source>{} failed: {}</source>
      <translation>{} a échoué : {}</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="103" />
      <source>{:,} file downloaded ({}), {:,} already there, {:,} failed; mosaic: {}</source>
      <translation>{:,} fichier téléchargé ({}), {:,} déjà présent(s), {:,} en échec ; mosaïque : {}</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="103" />
      <source>{:,} files downloaded ({}), {:,} already there, {:,} failed; mosaic: {}</source>
      <translation>{:,} fichiers téléchargés ({}), {:,} déjà présent(s), {:,} en échec ; mosaïque : {}</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="106" />
      <source>none</source>
      <translation>aucune</translation>
    </message>
    <message>
      <location filename="../algorithms/download_tiles.py" line="44" />
      <source>Download tiles to MBTiles</source>
      <translation>Télécharger des tuiles en MBTiles</translation>
    </message>
    <message>
      <location filename="../algorithms/download_tiles.py" line="53" />
      <source>MBTiles file</source>
      <translation>Fichier MBTiles</translation>
    </message>
    <message>
      <location filename="../algorithms/download_tiles.py" line="54" />
      <source>{LAYER} stands for the layer; an existing file of the same layer is resumed or extended.</source>
      <translation>{LAYER} est remplacé par la couche ; un fichier existant de la même couche est repris ou complété.</translation>
    </message>
    <message>
      <location filename="../algorithms/download_tiles.py" line="58" />
      <source>Re-check after (days)</source>
      <translation>Revérifier après (jours)</translation>
    </message>
    <message>
      <location filename="../algorithms/download_tiles.py" line="60" />
      <source>Re-check the tiles older than this many days (empty = never).</source>
      <translation>Revérifier les tuiles de plus de tant de jours (vide = jamais).</translation>
    </message>
    <message>
      <location filename="../algorithms/download_tiles.py" line="62" />
      <source>Only retry the tiles that failed last time</source>
      <translation>Ne réessayer que les tuiles en échec</translation>
    </message>
    <message>
      <location filename="../algorithms/download_tiles.py" line="64" />
      <source>Add the result to the project</source>
      <translation>Ajouter le résultat au projet</translation>
    </message>
    <message>
      <location filename="../algorithms/download_tiles.py" line="66" />
      <source>Tiles downloaded</source>
      <translation>Tuiles téléchargées</translation>
    </message>
    <message>
      <location filename="../algorithms/download_tiles.py" line="67" />
      <source>Tiles already present</source>
      <translation>Tuiles déjà présentes</translation>
    </message>
    <message>
      <location filename="../algorithms/download_tiles.py" line="68" />
      <source>Tiles the server has no data for</source>
      <translation>Tuiles sans données sur le serveur</translation>
    </message>
    <message>
      <location filename="../algorithms/download_tiles.py" line="69" />
      <source>Tiles failed</source>
      <translation>Tuiles en échec</translation>
    </message>
    <message>
      <location filename="../algorithms/download_tiles.py" line="104" />
      <source>a download of {}</source>
      <translation>un téléchargement de {}</translation>
    </message>
    <message>
      <location filename="../algorithms/download_tiles.py" line="112" />
      <source>{} {}</source>
      <translation>{} {}</translation>
    </message>
    <message>
      <location filename="../algorithms/download_tiles.py" line="117" />
      <source>{} ({}) from {}, {} zoom {}-{} → {}</source>
      <translation>{} ({}) depuis {}, {} zoom {}-{} → {}</translation>
    </message>
    <message>
      <location filename="../algorithms/download_tiles.py" line="125" />
      <source>{:,} downloaded ({}), {:,} already present, {:,} unchanged (304), {:,} empty, {:,} failed.</source>
      <translation>{:,} téléchargées ({}), {:,} déjà présentes, {:,} inchangées (304), {:,} vides, {:,} en échec.</translation>
    </message>
    <message>
      <location filename="../algorithms/download_tiles.py" line="130" />
      <source>{:,} tiles failed: {}</source>
      <translation>{:,} tuiles en échec : {}</translation>
    </message>
    <message>
      <location filename="../algorithms/download_tiles.py" line="132" />
      <source>Run again (or with RETRY_FAILED_ONLY) to retry the failed tiles.</source>
      <translation>Relancez (ou avec RETRY_FAILED_ONLY) pour réessayer les tuiles en échec.</translation>
    </message>
    <message>
      <location filename="../algorithms/download_tiles.py" line="134" />
      <source>Cancelled. The tiles downloaded are kept: download again to resume.</source>
      <translation>Annulé. Les tuiles téléchargées sont gardées : téléchargez à nouveau pour reprendre.</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="38" />
      <source>Estimate tiles</source>
      <translation>Estimer les tuiles</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="47" />
      <source>Planned .mbtiles file</source>
      <translation>Fichier .mbtiles prévu</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="50" />
      <source>The free disk space there is reported.</source>
      <translation>L'espace disque libre à cet endroit est indiqué.</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="51" />
      <source>Total number of tiles</source>
      <translation>Nombre total de tuiles</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="52" />
      <source>Tiles per zoom (JSON)</source>
      <translation>Tuiles par zoom (JSON)</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="55" />
      <source>Free disk space at OUTPUT</source>
      <translation>Espace disque libre pour OUTPUT</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="56" />
      <source>Expected size (sampled)</source>
      <translation>Taille attendue (échantillonnée)</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="57" />
      <source>Expected download time (sampled)</source>
      <translation>Durée de téléchargement attendue (échantillonnée)</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="76" />
      <source>Area: {} ({})</source>
      <translation>Zone : {} ({})</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="78" />
      <source>zoom {:&gt;2}: {:&gt;12,} tile</source>
      <translation>zoom {:&gt;2} : {:&gt;12,} tuile</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="78" />
      <source>zoom {:&gt;2}: {:&gt;12,} tiles</source>
      <translation>zoom {:&gt;2} : {:&gt;12,} tuiles</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="80" />
      <source>total:   {:&gt;12,} tile</source>
      <translation>total :  {:&gt;12,} tuile</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="80" />
      <source>total:   {:&gt;12,} tiles</source>
      <translation>total :  {:&gt;12,} tuiles</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="84" />
      <source>Free disk space at {}: {}</source>
      <translation>Espace disque libre dans {} : {}</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="101" />
      <source>zoom {:&gt;2}: {} per tile ({:,} tile sampled, {:.0f} ms)</source>
      <translation>zoom {:&gt;2} : {} par tuile ({:,} tuile échantillonnée, {:.0f} ms)</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="101" />
      <source>zoom {:&gt;2}: {} per tile ({:,} tiles sampled, {:.0f} ms each)</source>
      <translation>zoom {:&gt;2} : {} par tuile ({:,} tuiles échantillonnées, {:.0f} ms chacune)</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="108" />
      <source>zoom {:&gt;2}: {} per tile (IGN's published average: nothing sampled)</source>
      <translation>zoom {:&gt;2} : {} par tuile (moyenne publiée par l'IGN : rien n'a pu être échantillonné)</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="112" />
      <source>No tile could be sampled: size and time unknown.</source>
      <translation>Aucune tuile n'a pu être échantillonnée : taille et durée inconnues.</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="115" />
      <source>Expected: {} (IGN's published averages); time unknown: no tile could be sampled.</source>
      <translation>Attendu : {} (moyennes publiées par l'IGN) ; durée inconnue : aucune tuile n'a pu être échantillonnée.</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="119" />
      <source>Expected: {} in about {} ({:,} request at a time, at most {:g} per second).</source>
      <translation>Prévu : {} en environ {} ({:,} requête à la fois, au plus {:g} par seconde).</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="119" />
      <source>Expected: {} in about {} ({:,} parallel requests, at most {:g} per second).</source>
      <translation>Prévu : {} en environ {} ({:,} requêtes en parallèle, au plus {:g} par seconde).</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="124" />
      <source>Expected: {} in about {} ({:,} request at a time, no rate limit).</source>
      <translation>Prévu : {} en environ {} ({:,} requête à la fois, sans limite de débit).</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="124" />
      <source>Expected: {} in about {} ({:,} parallel requests, no rate limit).</source>
      <translation>Prévu : {} en environ {} ({:,} requêtes en parallèle, sans limite de débit).</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="129" />
      <source>Not enough free space at {}: {} needed, {} free.</source>
      <translation>Pas assez d'espace libre dans {} : {} nécessaires, {} libres.</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="38" />
      <source>Export tiles for field apps</source>
      <translation>Exporter les tuiles pour les applications de terrain</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="43" />
      <source>MBTiles file or raster</source>
      <translation>Fichier MBTiles ou raster</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="44" />
      <source>An MBTiles file, or a raster (VRT, GeoTIFF, JPEG 2000) to re-encode.</source>
      <translation>Un fichier MBTiles, ou un raster (VRT, GeoTIFF, JPEG 2000) à réencoder.</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="47" />
      <source>Field app</source>
      <translation>Application de terrain</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="50" />
      <source>File format</source>
      <translation>Format de fichier</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="53" />
      <source>Output file</source>
      <translation>Fichier de sortie</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="54" />
      <source>Empty: a file named after the layer, the area and the zooms, in the app's folder of the library's exports/ folder.</source>
      <translation>Vide : un fichier nommé d'après la couche, la zone et les zooms, dans le dossier de l'application du dossier exports/ de la bibliothèque.</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="59" />
      <source>The exports go into its exports/ folder when OUTPUT is empty.</source>
      <translation>Les exports vont dans son dossier exports/ quand OUTPUT est vide.</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="61" />
      <source>Only from this zoom</source>
      <translation>Seulement à partir de ce zoom</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="64" />
      <source>Only up to this zoom</source>
      <translation>Seulement jusqu'à ce zoom</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="68" />
      <source>Largest file (MB)</source>
      <translation>Taille max. d'un fichier (Mo)</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="70" />
      <source>Split into files of at most this many MB (e.g. 2000 for apps, 4000 for FAT32; empty: the target's cap, 0: none).</source>
      <translation>Découper en fichiers d'au plus ce nombre de Mo (par ex. 2000 pour les applications, 4000 pour le FAT32 ; vide : la limite de la cible, 0 : aucune).</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="73" />
      <source>JPEG quality when a raster is re-encoded</source>
      <translation>Qualité JPEG d'un raster réencodé</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="77" />
      <source>Files written</source>
      <translation>Fichiers écrits</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="78" />
      <source>Files written (one per line)</source>
      <translation>Fichiers écrits (un par ligne)</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="83" />
      <source>INPUT '{}' does not exist: give an MBTiles file or a raster.</source>
      <translation>L'INPUT « {} » n'existe pas : indiquez un fichier MBTiles ou un raster.</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="97" />
      <source>FORMAT {} is for rasters: an MBTiles is exported as {}.</source>
      <translation>Le FORMAT {} est réservé aux rasters : un MBTiles s'exporte en {}.</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="100" />
      <source>ZOOM_MIN {} is greater than ZOOM_MAX {}: swap them.</source>
      <translation>ZOOM_MIN {} est supérieur à ZOOM_MAX {} : inversez-les.</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="106" />
      <source>A web page reads one archive: leave MAX_FILE_MB empty for TARGET web.</source>
      <translation>Une page web lit une seule archive : laissez MAX_FILE_MB vide pour la cible (TARGET) web.</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="113" />
      <source>A raster INPUT is exported whole: zooms, area and MAX_FILE_MB apply to MBTiles input.</source>
      <translation>Un raster en INPUT est exporté en entier : les zooms, la zone et MAX_FILE_MB ne s'appliquent qu'à un MBTiles.</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="127" />
      <source>Unknown FORMAT '{}': use one of {}.</source>
      <translation>FORMAT « {} » inconnu : utilisez l'un de ceux-ci : {}.</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="165" />
      <source>The tiles are rendered into a {} (re-encoded in JPEG) for {}.</source>
      <translation>Les tuiles sont rendues dans un {} (réencodé en JPEG) pour {}.</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="176" />
      <source>Cancelled: nothing was written; run again to export.</source>
      <translation>Annulé : rien n'a été écrit ; relancez pour exporter.</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="184" />
      <source>A raster is re-encoded (JPEG quality {}): unavoidable for {}.</source>
      <translation>Un raster est réencodé (qualité JPEG {}) : inévitable pour {}.</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="188" />
      <source>{}: {}</source>
      <translation>{} : {}</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="204" />
      <source>Tiles are copied as they are, never re-encoded ({} for {}).</source>
      <translation>Les tuiles sont copiées telles quelles, jamais réencodées ({} pour {}).</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="220" />
      <source>{}: {:,} tiles, zoom {}-{}, {}</source>
      <translation>{} : {:,} tuiles, zoom {}-{}, {}</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="222" />
      <source>The map page is {}: serve its folder with a web server that honours byte ranges (in that folder: python3 serve.py), then open http://127.0.0.1:8000/.</source>
      <translation>La page de la carte est {} : servez son dossier avec un serveur web qui accepte les requêtes partielles (dans ce dossier : python3 serve.py), puis ouvrez http://127.0.0.1:8000/.</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="233" />
      <source>Vector tiles: QGIS renders the styled layer into raster tiles at zoom {}-{} for {}.</source>
      <translation>Tuiles vectorielles : QGIS dessine la couche avec son style en tuiles raster aux zooms {}-{} pour {}.</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="262" />
      <source>QGIS cannot open {}</source>
      <translation>QGIS ne peut pas ouvrir {}</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="318" />
      <source>'{}' has no bounds in its metadata: give the AREA (or EXTENT) to render.</source>
      <translation>« {} » n'a pas d'emprise (bounds) dans ses métadonnées : indiquez la zone à dessiner (AREA ou EXTENT).</translation>
    </message>
    <message>
      <location filename="../algorithms/inventory.py" line="37" />
      <source>Inventory of a library</source>
      <translation>Inventaire d'une bibliothèque</translation>
    </message>
    <message>
      <location filename="../algorithms/inventory.py" line="43" />
      <source>Its .mbtiles files are listed.</source>
      <translation>Ses fichiers .mbtiles sont inventoriés.</translation>
    </message>
    <message>
      <location filename="../algorithms/inventory.py" line="45" />
      <source>Plan file</source>
      <translation>Fichier du plan</translation>
    </message>
    <message>
      <location filename="../algorithms/inventory.py" line="46" />
      <source>A plan (JSON), to say how complete each entry is.</source>
      <translation>Un plan (JSON), pour dire où en est chaque entrée.</translation>
    </message>
    <message>
      <location filename="../algorithms/inventory.py" line="48" />
      <source>Coverage</source>
      <translation>Couverture</translation>
    </message>
    <message>
      <location filename="../algorithms/inventory.py" line="49" />
      <source>One feature per file and zoom.</source>
      <translation>Une entité par fichier et par zoom.</translation>
    </message>
    <message>
      <location filename="../algorithms/inventory.py" line="51" />
      <source>Report (HTML)</source>
      <translation>Rapport (HTML)</translation>
    </message>
    <message>
      <location filename="../algorithms/inventory.py" line="52" />
      <source>MBTiles files</source>
      <translation>Fichiers MBTiles</translation>
    </message>
    <message>
      <location filename="../algorithms/inventory.py" line="53" />
      <source>Tiles in all the files</source>
      <translation>Tuiles dans tous les fichiers</translation>
    </message>
    <message>
      <location filename="../algorithms/inventory.py" line="58" />
      <source>The library folder '{}' does not exist.</source>
      <translation>Le dossier de bibliothèque « {} » n'existe pas.</translation>
    </message>
    <message>
      <location filename="../algorithms/inventory.py" line="68" />
      <source>Skipped: {}</source>
      <translation>Ignoré : {}</translation>
    </message>
    <message>
      <location filename="../algorithms/inventory.py" line="70" />
      <source>None of the {} .mbtiles files of '{}' can be read (each one is named above): nothing to report.</source>
      <translation>Aucun des {} fichiers .mbtiles de « {} » n’est lisible (chacun est nommé plus haut) : rien à inventorier.</translation>
    </message>
    <message>
      <location filename="../algorithms/inventory.py" line="85" />
      <source>{} zoom {:&gt;2}: {:&gt;10,} tiles</source>
      <translation>{} zoom {:&gt;2} : {:&gt;10,} tuiles</translation>
    </message>
    <message>
      <location filename="../algorithms/inventory.py" line="91" />
      <source>entry {} ({}, {}): {:.1%} complete</source>
      <translation>entrée {} ({}, {}) : complète à {:.1%}</translation>
    </message>
    <message>
      <location filename="../algorithms/list_datasets.py" line="44" />
      <source>List IGN datasets for an area</source>
      <translation>Lister les jeux de données de l'IGN pour une zone</translation>
    </message>
    <message>
      <location filename="../algorithms/list_datasets.py" line="53" />
      <source>To say what is new, updated or up to date.</source>
      <translation>Pour dire ce qui est nouveau, mis à jour ou à jour.</translation>
    </message>
    <message>
      <location filename="../algorithms/list_datasets.py" line="55" />
      <source>Dataset extents</source>
      <translation>Emprises des jeux de données</translation>
    </message>
    <message>
      <location filename="../algorithms/list_datasets.py" line="56" />
      <source>The extents of the datasets' editions.</source>
      <translation>Les emprises des éditions des jeux de données.</translation>
    </message>
    <message>
      <location filename="../algorithms/list_datasets.py" line="57" />
      <source>Datasets (JSON)</source>
      <translation>Jeux de données (JSON)</translation>
    </message>
    <message>
      <location filename="../algorithms/list_datasets.py" line="58" />
      <source>Bytes to download</source>
      <translation>Octets à télécharger</translation>
    </message>
    <message>
      <location filename="../algorithms/list_datasets.py" line="76" />
      <source>To download: {} in {:,} dataset (one per product and département).</source>
      <translation>À télécharger : {} en {:,} jeu de données (un par produit et par département).</translation>
    </message>
    <message>
      <location filename="../algorithms/list_datasets.py" line="76" />
      <source>To download: {} in {:,} datasets (one per product and département).</source>
      <translation>À télécharger : {} en {:,} jeux de données (un par produit et par département).</translation>
    </message>
    <message>
      <location filename="../algorithms/list_ftp_products.py" line="43" />
      <source>List orthophoto and MNS products on an FTP server</source>
      <translation>Lister les produits orthophotos et MNS d'un serveur FTP</translation>
    </message>
    <message>
      <location filename="../algorithms/list_ftp_products.py" line="49" />
      <source>Folder to search from</source>
      <translation>Dossier où commencer la recherche</translation>
    </message>
    <message>
      <location filename="../algorithms/list_ftp_products.py" line="51" />
      <source>Folder levels to search below it</source>
      <translation>Niveaux de sous-dossiers à parcourir</translation>
    </message>
    <message>
      <location filename="../algorithms/list_ftp_products.py" line="54" />
      <source>Products</source>
      <translation>Produits</translation>
    </message>
    <message>
      <location filename="../algorithms/list_ftp_products.py" line="55" />
      <source>Products found</source>
      <translation>Produits trouvés</translation>
    </message>
    <message>
      <location filename="../algorithms/list_ftp_products.py" line="69" />
      <source>Searching {}{} ({} levels)…</source>
      <translation>Recherche dans {}{} ({} niveaux)…</translation>
    </message>
    <message>
      <location filename="../algorithms/list_ftp_products.py" line="81" />
      <source>{}: {:,} tile, {}, {}</source>
      <translation>{} : {:,} dalle, {}, {}</translation>
    </message>
    <message>
      <location filename="../algorithms/list_ftp_products.py" line="81" />
      <source>{}: {:,} tiles, {}, {}</source>
      <translation>{} : {:,} dalles, {}, {}</translation>
    </message>
    <message>
      <location filename="../algorithms/list_ftp_products.py" line="85" />
      <source>No product folder (a folder holding data/) under {} within {} levels: try another ROOT or a larger DEPTH.</source>
      <translation>Aucun dossier de produit (un dossier contenant data/) sous {} à {} niveaux : essayez un autre ROOT ou une DEPTH plus grande.</translation>
    </message>
    <message>
      <location filename="../algorithms/load_mbtiles.py" line="27" />
      <source>Load MBTiles</source>
      <translation>Charger des MBTiles</translation>
    </message>
    <message>
      <location filename="../algorithms/load_mbtiles.py" line="35" />
      <source>Folder of .mbtiles files, or one MBTiles file</source>
      <translation>Dossier de .mbtiles, ou fichier MBTiles</translation>
    </message>
    <message>
      <location filename="../algorithms/load_mbtiles.py" line="39" />
      <source>Style of vector MBTiles</source>
      <translation>Style des MBTiles vectoriels</translation>
    </message>
    <message>
      <location filename="../algorithms/load_mbtiles.py" line="40" />
      <source>Among those saved beside it (empty: the first, 'standard' for Plan IGN).</source>
      <translation>Parmi ceux enregistrés à côté (vide : le premier, « standard » pour le Plan IGN).</translation>
    </message>
    <message>
      <location filename="../algorithms/load_mbtiles.py" line="41" />
      <source>Layers added</source>
      <translation>Couches ajoutées</translation>
    </message>
    <message>
      <location filename="../algorithms/load_mbtiles.py" line="42" />
      <source>Layers</source>
      <translation>Couches</translation>
    </message>
    <message>
      <location filename="../algorithms/load_mbtiles.py" line="47" />
      <source>'{}' does not exist: give an .mbtiles file or a folder holding some.</source>
      <translation>« {} » n'existe pas : indiquez un fichier .mbtiles ou un dossier qui en contient.</translation>
    </message>
    <message>
      <location filename="../algorithms/load_mbtiles.py" line="51" />
      <source>The folder '{}' holds no .mbtiles file.</source>
      <translation>Le dossier « {} » ne contient aucun fichier .mbtiles.</translation>
    </message>
    <message>
      <location filename="../algorithms/load_mbtiles.py" line="79" />
      <source>{}: {} ({:,} tiles)</source>
      <translation>{} : {} ({:,} tuiles)</translation>
    </message>
    <message>
      <location filename="../algorithms/load_mbtiles.py" line="82" />
      <source>Vector tiles; saved styles: {}.</source>
      <translation>Tuiles vectorielles ; styles enregistrés : {}.</translation>
    </message>
    <message>
      <location filename="../algorithms/load_mbtiles.py" line="83" />
      <source>none (QGIS's default look)</source>
      <translation>aucun (aspect par défaut de QGIS)</translation>
    </message>
    <message>
      <location filename="../algorithms/load_mbtiles.py" line="86" />
      <source>None of the {} .mbtiles files of '{}' can be read (each one is named above).</source>
      <translation>Aucun des {} fichiers .mbtiles de « {} » n’est lisible (chacun est nommé plus haut).</translation>
    </message>
    <message>
      <location filename="../algorithms/load_mbtiles.py" line="94" />
      <source>No project to load the layers into.</source>
      <translation>Aucun projet où charger les couches.</translation>
    </message>
    <message>
      <location filename="../algorithms/load_mbtiles.py" line="114" />
      <source>{} is already in the project.</source>
      <translation>{} est déjà dans le projet.</translation>
    </message>
    <message>
      <location filename="../algorithms/load_mbtiles.py" line="117" />
      <source>{:,} layer added to the group '{}'.</source>
      <translation>{:,} couche ajoutée au groupe « {} ».</translation>
    </message>
    <message>
      <location filename="../algorithms/load_mbtiles.py" line="117" />
      <source>{:,} layers added to the group '{}'.</source>
      <translation>{:,} couches ajoutées au groupe « {} ».</translation>
    </message>
    <message>
      <location filename="../algorithms/make_patch.py" line="21" />
      <source>Make a patch of a device's copy</source>
      <translation>Faire un correctif de la copie d'un appareil</translation>
    </message>
    <message>
      <location filename="../algorithms/make_patch.py" line="25" />
      <source>Library file</source>
      <translation>Fichier de la bibliothèque</translation>
    </message>
    <message>
      <location filename="../algorithms/make_patch.py" line="26" />
      <source>The library's MBTiles file the copy was made from, as it is now.</source>
      <translation>Le fichier MBTiles de la bibliothèque dont la copie est issue, tel qu'il est maintenant.</translation>
    </message>
    <message>
      <location filename="../algorithms/make_patch.py" line="27" />
      <source>Device's copy</source>
      <translation>Copie de l'appareil</translation>
    </message>
    <message>
      <location filename="../algorithms/make_patch.py" line="28" />
      <source>An MBTiles made by export_tiles from the library file.</source>
      <translation>Un MBTiles fait par export_tiles à partir du fichier de la bibliothèque.</translation>
    </message>
    <message>
      <location filename="../algorithms/make_patch.py" line="30" />
      <source>Patch file (MBTiles)</source>
      <translation>Fichier du correctif (MBTiles)</translation>
    </message>
    <message>
      <location filename="../algorithms/make_patch.py" line="31" />
      <source>New tiles</source>
      <translation>Tuiles nouvelles</translation>
    </message>
    <message>
      <location filename="../algorithms/make_patch.py" line="31" />
      <source>Changed tiles</source>
      <translation>Tuiles modifiées</translation>
    </message>
    <message>
      <location filename="../algorithms/make_patch.py" line="32" />
      <source>Deleted tiles</source>
      <translation>Tuiles supprimées</translation>
    </message>
    <message>
      <location filename="../algorithms/make_patch.py" line="33" />
      <source>Bytes of the device's copy</source>
      <translation>Octets de la copie de l'appareil</translation>
    </message>
    <message>
      <location filename="../algorithms/make_patch.py" line="41" />
      <source>INPUT '{}' does not exist: give the library's MBTiles file.</source>
      <translation>INPUT « {} » n'existe pas : donnez le fichier MBTiles de la bibliothèque.</translation>
    </message>
    <message>
      <location filename="../algorithms/make_patch.py" line="52" />
      <source>Cancelled: nothing was written; run again to make the patch.</source>
      <translation>Annulé : rien n'a été écrit ; relancez pour faire le correctif.</translation>
    </message>
    <message>
      <location filename="../algorithms/make_patch.py" line="55" />
      <source>{}: {:,} new, {:,} changed, {:,} deleted tiles; {:,} tiles unchanged.</source>
      <translation>{} : {:,} tuiles nouvelles, {:,} modifiées, {:,} supprimées ; {:,} tuiles inchangées.</translation>
    </message>
    <message>
      <location filename="../algorithms/make_patch.py" line="57" />
      <source>The patch takes {}, the device's copy {}.</source>
      <translation>Le correctif occupe {}, la copie de l'appareil {}.</translation>
    </message>
    <message>
      <location filename="../algorithms/make_patch.py" line="60" />
      <source>The copy is up to date: the patch changes nothing.</source>
      <translation>La copie est à jour : le correctif ne change rien.</translation>
    </message>
    <message>
      <location filename="../algorithms/make_project_offline.py" line="38" />
      <source>Make a project offline</source>
      <translation>Rendre un projet utilisable hors ligne</translation>
    </message>
    <message>
      <location filename="../algorithms/make_project_offline.py" line="43" />
      <source>Project (.qgz/.qgs)</source>
      <translation>Projet (.qgz/.qgs)</translation>
    </message>
    <message>
      <location filename="../algorithms/make_project_offline.py" line="44" />
      <source>Default: the current project, saved.</source>
      <translation>Par défaut : le projet courant, enregistré.</translation>
    </message>
    <message>
      <location filename="../algorithms/make_project_offline.py" line="48" />
      <source>Folder for the offline project</source>
      <translation>Dossier du projet hors ligne</translation>
    </message>
    <message>
      <location filename="../algorithms/make_project_offline.py" line="49" />
      <source>Its basemaps/ and data/ folders hold the offline layers.</source>
      <translation>Ses dossiers basemaps/ et data/ contiennent les couches hors ligne.</translation>
    </message>
    <message>
      <location filename="../algorithms/make_project_offline.py" line="52" />
      <source>An offline library to take tiles from first.</source>
      <translation>Une bibliothèque hors ligne où prendre d'abord les tuiles.</translation>
    </message>
    <message>
      <location filename="../algorithms/make_project_offline.py" line="54" />
      <source>Keep the other layers online</source>
      <translation>Garder les autres couches en ligne</translation>
    </message>
    <message>
      <location filename="../algorithms/make_project_offline.py" line="55" />
      <source>Keep the layers that cannot be taken offline (WMS, databases…), online.</source>
      <translation>Garder en ligne les couches qui ne peuvent pas passer hors ligne (WMS, bases de données…).</translation>
    </message>
    <message>
      <location filename="../algorithms/make_project_offline.py" line="59" />
      <source>The offline project</source>
      <translation>Le projet hors ligne</translation>
    </message>
    <message>
      <location filename="../algorithms/make_project_offline.py" line="60" />
      <source>What was done, per layer</source>
      <translation>Ce qui a été fait, couche par couche</translation>
    </message>
    <message>
      <location filename="../algorithms/make_project_offline.py" line="68" />
      <source>Give the PROJECT (.qgz/.qgs), or save the current project first.</source>
      <translation>Indiquez le PROJECT (.qgz/.qgs), ou enregistrez d'abord le projet en cours.</translation>
    </message>
    <message>
      <location filename="../algorithms/make_project_offline.py" line="77" />
      <source>The LIBRARY folder '{}' does not exist.</source>
      <translation>Le dossier LIBRARY « {} » n'existe pas.</translation>
    </message>
    <message>
      <location filename="../algorithms/make_project_offline.py" line="123" />
      <source>Cancelled: run again to resume (tiles already fetched are kept).</source>
      <translation>Annulé : relancez pour reprendre (les tuiles déjà récupérées sont gardées).</translation>
    </message>
    <message>
      <location filename="../algorithms/make_project_offline.py" line="126" />
      <source>No layer of the project could be taken offline: see the messages above.</source>
      <translation>Aucune couche du projet n'a pu passer hors ligne : voir les messages ci-dessus.</translation>
    </message>
    <message>
      <location filename="../algorithms/make_project_offline.py" line="128" />
      <source>Offline project: {} (paths relative to it: move or copy the whole folder)</source>
      <translation>Projet hors ligne : {} (chemins relatifs : déplacez ou copiez le dossier entier)</translation>
    </message>
    <message>
      <location filename="../algorithms/make_project_offline.py" line="137" />
      <source>{}: kept online, as asked — {}</source>
      <translation>{} : gardée en ligne, comme demandé — {}</translation>
    </message>
    <message>
      <location filename="../algorithms/make_project_offline.py" line="139" />
      <source>{}: left out of the offline project — {}</source>
      <translation>{} : laissée hors du projet hors ligne — {}</translation>
    </message>
    <message>
      <location filename="../algorithms/merge_mbtiles.py" line="19" />
      <source>Merge MBTiles of one layer</source>
      <translation>Fusionner des MBTiles d'une même couche</translation>
    </message>
    <message>
      <location filename="../algorithms/merge_mbtiles.py" line="24" />
      <source>MBTiles files of the same layer</source>
      <translation>Fichiers MBTiles d'une même couche</translation>
    </message>
    <message>
      <location filename="../algorithms/merge_mbtiles.py" line="25" />
      <source>E.g. the shards' files.</source>
      <translation>P. ex. ceux des différentes machines.</translation>
    </message>
    <message>
      <location filename="../algorithms/merge_mbtiles.py" line="27" />
      <source>Merged MBTiles file</source>
      <translation>Fichier MBTiles fusionné</translation>
    </message>
    <message>
      <location filename="../algorithms/merge_mbtiles.py" line="28" />
      <source>New, or one of the same layer to add to.</source>
      <translation>Nouveau, ou un fichier de la même couche à compléter.</translation>
    </message>
    <message>
      <location filename="../algorithms/merge_mbtiles.py" line="31" />
      <source>Tiles in the merged file</source>
      <translation>Tuiles dans le fichier fusionné</translation>
    </message>
    <message>
      <location filename="../algorithms/merge_mbtiles.py" line="43" />
      <source>{:,} files merged into {}: {:,} tiles.</source>
      <translation>{:,} fichiers fusionnés dans {} : {:,} tuiles.</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="115" />
      <source>Preset area</source>
      <translation>Zone prédéfinie</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="116" />
      <source>One of: {}.</source>
      <translation>Au choix : {}.</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="118" />
      <source>…or an extent (any CRS)</source>
      <translation>…ou une emprise (tout SCR)</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="121" />
      <source>…or a polygon layer</source>
      <translation>…ou une couche de polygones</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="122" />
      <source>Any CRS; only the tiles meeting its polygons are taken.</source>
      <translation>Tout SCR ; seules les tuiles qui touchent ses polygones sont prises.</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="124" />
      <source>Title of the area</source>
      <translation>Nom de la zone</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="133" />
      <source>Minimum zoom (0-22)</source>
      <translation>Zoom minimal (0-22)</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="136" />
      <source>Maximum zoom (0-22)</source>
      <translation>Zoom maximal (0-22)</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="158" />
      <source>Give one area only: {} were all given.</source>
      <translation>Indiquez une seule zone : {} ont tous été donnés.</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="164" />
      <source>Give an AREA ({}), an EXTENT or an AREA_LAYER of polygons.</source>
      <translation>Indiquez une zone AREA ({}), une emprise EXTENT ou une couche de polygones AREA_LAYER.</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="169" />
      <source>The extent is empty: give an extent with a width and a height.</source>
      <translation>L'emprise est vide : indiquez une emprise qui a une largeur et une hauteur.</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="173" />
      <source>The extent has no CRS: read as longitude/latitude (EPSG:4326).</source>
      <translation>L'emprise n'a pas de SCR : lue en longitude/latitude (EPSG:4326).</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="189" />
      <source>The AREA_LAYER cannot be read: give a polygon layer or file (GeoPackage, GeoJSON, Shapefile…).</source>
      <translation>AREA_LAYER est illisible : indiquez une couche ou un fichier de polygones (GeoPackage, GeoJSON, Shapefile…).</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="193" />
      <source>polygons</source>
      <translation>polygones</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="218" />
      <source>Go ahead with a very large job</source>
      <translation>Accepter une très grosse tâche</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="219" />
      <source>Over 10 million tiles, or more than the free disk space.</source>
      <translation>Plus de 10 millions de tuiles, ou plus que l'espace disque libre.</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="239" />
      <source>{} Reduce the area or the zooms, or confirm with ALLOW_LARGE=true.</source>
      <translation>{} Réduisez la zone ou les zooms, ou confirmez avec ALLOW_LARGE=true.</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="258" />
      <source>{} Reduce the area or the products, or confirm with ALLOW_LARGE=true.</source>
      <translation>{} Réduisez la zone ou les produits, ou confirmez avec ALLOW_LARGE=true.</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="272" />
      <source>Datasets</source>
      <translation>Jeux de données</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="275" />
      <source>Download service</source>
      <translation>Service de téléchargement</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="282" />
      <source>Choose at least one dataset in PRODUCTS.</source>
      <translation>Choisissez au moins un jeu de données dans PRODUCTS.</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="285" />
      <source>SERVICE '{}' is not a web address: give the download service's, e.g. {}.</source>
      <translation>SERVICE « {} » n'est pas une adresse web : donnez celle du service de téléchargement, par exemple {}.</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="322" />
      <source>Account or API key</source>
      <translation>Compte ou clé d'API</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="323" />
      <source>Stored in the QGIS authentication database (private layers: Basic with the key, or OAuth2).</source>
      <translation>Enregistré dans la base d'authentification de QGIS (couches privées : Basic avec la clé, ou OAuth2).</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="355" />
      <source>Tile service</source>
      <translation>Service de tuiles</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="357" />
      <source>A WMTS endpoint, a vector tile service (https://data.geopf.fr/tms/1.0.0), or an XYZ URL template with {z}/{x}/{y} (.pbf for vector tiles).</source>
      <translation>Adresse d'un WMTS, d'un service de tuiles vectorielles (https://data.geopf.fr/tms/1.0.0), ou modèle d'URL XYZ avec {z}/{x}/{y} (.pbf pour des tuiles vectorielles).</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="361" />
      <source>Layer identifier</source>
      <translation>Identifiant de la couche</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="362" />
      <source>From the capabilities, or a vector tile layer: PLAN.IGN, PCI, BDTOPO, ISOHYPSE…; optional for an XYZ template.</source>
      <translation>D'après les capacités, ou une couche de tuiles vectorielles : PLAN.IGN, PCI, BDTOPO, ISOHYPSE… ; facultatif pour un modèle XYZ.</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="366" />
      <source>Layer style</source>
      <translation>Style de la couche</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="366" />
      <source>Tile format</source>
      <translation>Format des tuiles</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="367" />
      <source>Default: the layer's own.</source>
      <translation>Par défaut : celui de la couche.</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="370" />
      <source>…or the API key itself</source>
      <translation>…ou la clé d'API elle-même</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="371" />
      <source>Never written anywhere.</source>
      <translation>Jamais écrite nulle part.</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="391" />
      <source>Parallel requests</source>
      <translation>Requêtes en parallèle</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="394" />
      <source>Requests per second, at most</source>
      <translation>Requêtes par seconde, au plus</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="396" />
      <source>Maximum requests per second to the server (0 = no cap).</source>
      <translation>Requêtes par seconde au serveur, au plus (0 = sans limite).</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="415" />
      <source>Shared budget (Redis URL)</source>
      <translation>Budget partagé (URL Redis)</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="416" />
      <source>Shared request budget: Redis of every worker of the job (redis://host:6379/0; empty: the REDIS_URL environment variable, else this process alone). No password here: put it in the environment's REDIS_URL.</source>
      <translation>Budget de requêtes partagé : le Redis de tous les postes de la tâche (redis://hôte:6379/0 ; vide : la variable d'environnement REDIS_URL, sinon ce processus seul). Pas de mot de passe ici : mettez-le dans la variable REDIS_URL de l'environnement.</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="420" />
      <source>Workers sharing it</source>
      <translation>Postes qui le partagent</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="421" />
      <source>Workers sharing that budget (each keeps its share if Redis is lost; 0 = SHARD's n, else 1).</source>
      <translation>Postes qui se partagent ce budget (chacun garde sa part si Redis est perdu ; 0 = le n de SHARD, sinon 1).</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="435" />
      <source>REDIS_URL '{}' holds a password: Processing would keep it in its history. Give the address without it and set the whole REDIS_URL in the environment instead.</source>
      <translation>REDIS_URL « {} » contient un mot de passe : Processing le garderait dans son historique. Donnez l'adresse sans lui et mettez plutôt toute l'adresse REDIS_URL dans l'environnement.</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="451" />
      <source>Requests per second to each host taken from the shared budget in Redis at {} (this worker's share if it is lost: 1/{}).</source>
      <translation>Requêtes par seconde vers chaque hôte prises dans le budget partagé de Redis à {} (la part de ce poste s'il est perdu : 1/{}).</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="464" />
      <source>FTP server</source>
      <translation>Serveur FTP</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="466" />
      <source>Server port</source>
      <translation>Port du serveur</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="468" />
      <source>User name</source>
      <translation>Nom d'utilisateur</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="469" />
      <source>Empty: anonymous.</source>
      <translation>Vide : anonyme.</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="471" />
      <source>Password</source>
      <translation>Mot de passe</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="472" />
      <source>Stored in the QGIS authentication database (Basic method).</source>
      <translation>Gardé dans la base d'authentification de QGIS (méthode Basic).</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="32" />
      <source>Recover tiles from the QGIS network cache</source>
      <translation>Récupérer les tuiles du cache réseau de QGIS</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="37" />
      <source>Cache folder</source>
      <translation>Dossier du cache</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="39" />
      <source>The one holding data8/; default: this QGIS's.</source>
      <translation>Celui qui contient data8/ ; par défaut : celui de ce QGIS.</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="41" />
      <source>Folder for the MBTiles files</source>
      <translation>Dossier des fichiers MBTiles</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="43" />
      <source>One per tile set.</source>
      <translation>Un par jeu de tuiles.</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="45" />
      <source>Layer filter</source>
      <translation>Filtre des couches</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="46" />
      <source>Only the layers whose identifier contains this text.</source>
      <translation>Seulement les couches dont l'identifiant contient ce texte.</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="48" />
      <source>Skip tile sets with fewer tiles than</source>
      <translation>Ignorer les jeux de moins de tant de tuiles</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="51" />
      <source>Take z/x/y paths as XYZ</source>
      <translation>Prendre les chemins z/x/y pour du XYZ</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="52" />
      <source>Take z/x/y paths that QGIS does not describe as XYZ rows (top origin): only if you know the server is not a TMS.</source>
      <translation>Prendre les chemins z/x/y que QGIS ne décrit pas comme des lignes XYZ (origine en haut) : seulement si vous savez que le serveur n'est pas un TMS.</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="55" />
      <source>Add the results to the project</source>
      <translation>Ajouter les résultats au projet</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="56" />
      <source>Cache files scanned</source>
      <translation>Fichiers du cache analysés</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="57" />
      <source>Tiles recovered</source>
      <translation>Tuiles récupérées</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="58" />
      <source>Cache files skipped</source>
      <translation>Fichiers du cache ignorés</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="60" />
      <source>MBTiles files written (one per line)</source>
      <translation>Fichiers MBTiles écrits (un par ligne)</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="67" />
      <source>The output folder is inside the cache folder (or is that folder): choose a folder outside it.</source>
      <translation>Le dossier de sortie est dans le dossier du cache (ou est ce dossier) : choisissez un dossier en dehors.</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="81" />
      <source>The output folder '{}' cannot be made ({}): choose a folder you can write to.</source>
      <translation>Le dossier de sortie « {} » ne peut pas être créé ({}) : choisissez un dossier où vous pouvez écrire.</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="87" />
      <source>Known from QGIS's connections and projects: {}; {}.</source>
      <translation>Connu d'après les connexions et les projets de QGIS : {} ; {}.</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="88" />
      <source>{:,} XYZ layer template</source>
      <translation>{:,} modèle de couche XYZ</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="88" />
      <source>{:,} XYZ layer templates</source>
      <translation>{:,} modèles de couches XYZ</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="89" />
      <source>the capabilities of {:,} of {:,} WMTS server</source>
      <translation>les capacités de {:,} serveur WMTS sur {:,}</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="89" />
      <source>the capabilities of {:,} of {:,} WMTS servers</source>
      <translation>les capacités de {:,} serveurs WMTS sur {:,}</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="90" />
      <source>no WMTS server</source>
      <translation>aucun serveur WMTS</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="92" />
      <source>Could not read {} (offline?): tiles of its non-PM matrix sets are placed only if the cache holds its capabilities.</source>
      <translation>Impossible de lire {} (hors ligne ?) : les tuiles de ses jeux de matrices autres que PM ne sont placées que si le cache contient ses capacités.</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="94" />
      <source>Scanning {} (read only)…</source>
      <translation>Analyse de {} (en lecture seule)…</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="106" />
      <source>Writing the recovered tiles into '{}' failed ({}): the QGIS cache was only read; choose a folder you can write to, with free space, and run again.</source>
      <translation>L'écriture des tuiles récupérées dans « {} » a échoué ({}) : le cache de QGIS n'a été que lu ; choisissez un dossier où vous pouvez écrire, avec de l'espace libre, puis relancez.</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="110" />
      <source>found {} ({}) on {}: zooms {}, {:,} tiles, {}</source>
      <translation>trouvé {} ({}) sur {} : zooms {}, {:,} tuile(s), {}</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="115" />
      <source>skipped {:,}: {}</source>
      <translation>{:,} ignoré(s) : {}</translation>
    </message>
    <message>
      <location filename="../algorithms/relief.py" line="41" />
      <source>Relief from a DEM (hillshade, slope, contours)</source>
      <translation>Relief d'un MNT (ombrage, pentes, courbes de niveau)</translation>
    </message>
    <message>
      <location filename="../algorithms/relief.py" line="46" />
      <source>A raster layer or file.</source>
      <translation>Une couche raster ou un fichier.</translation>
    </message>
    <message>
      <location filename="../algorithms/relief.py" line="46" />
      <source>Elevation model (DEM)</source>
      <translation>Modèle numérique de terrain (MNT)</translation>
    </message>
    <message>
      <location filename="../algorithms/relief.py" line="48" />
      <source>Hillshade</source>
      <translation>Ombrage</translation>
    </message>
    <message>
      <location filename="../algorithms/relief.py" line="49" />
      <source>Slope map (degrees)</source>
      <translation>Carte des pentes (degrés)</translation>
    </message>
    <message>
      <location filename="../algorithms/relief.py" line="51" />
      <source>Contour interval (m)</source>
      <translation>Équidistance des courbes (m)</translation>
    </message>
    <message>
      <location filename="../algorithms/relief.py" line="55" />
      <source>Folder for the relief files</source>
      <translation>Dossier des fichiers du relief</translation>
    </message>
    <message>
      <location filename="../algorithms/relief.py" line="59" />
      <source>Above the basemaps.</source>
      <translation>Au-dessus des fonds de carte.</translation>
    </message>
    <message>
      <location filename="../algorithms/relief.py" line="62" />
      <source>Over 2 billion pixels of the DEM computed.</source>
      <translation>Plus de 2 milliards de pixels du MNT calculés.</translation>
    </message>
    <message>
      <location filename="../algorithms/relief.py" line="71" />
      <source>Give INPUT, a DEM: a raster layer of the project or a file (ASC, GeoTIFF, VRT…).</source>
      <translation>Indiquez INPUT, un MNT : une couche raster du projet ou un fichier (ASC, GeoTIFF, VRT…).</translation>
    </message>
    <message>
      <location filename="../algorithms/relief.py" line="73" />
      <source>INPUT '{}' is not a raster file: give a DEM file (ASC, GeoTIFF, VRT…), not a web layer.</source>
      <translation>INPUT « {} » n'est pas un fichier raster : indiquez un fichier de MNT (ASC, GeoTIFF, VRT…), pas une couche web.</translation>
    </message>
    <message>
      <location filename="../algorithms/relief.py" line="92" />
      <source>Relief of {} in {}…</source>
      <translation>Relief de {} dans {}…</translation>
    </message>
    <message>
      <location filename="../algorithms/relief.py" line="101" />
      <source>Cancelled: the files not finished were removed; run again to make them.</source>
      <translation>Annulé : les fichiers inachevés ont été supprimés ; relancez pour les faire.</translation>
    </message>
    <message>
      <location filename="../algorithms/relief.py" line="106" />
      <source>Relief — {}</source>
      <translation>Relief — {}</translation>
    </message>
    <message>
      <location filename="../algorithms/relief.py" line="125" />
      <source>{} Reduce the area, or confirm with ALLOW_LARGE=true.</source>
      <translation>{} Réduisez la zone, ou confirmez avec ALLOW_LARGE=true.</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="48" />
      <source>Run a library plan</source>
      <translation>Exécuter un plan de bibliothèque</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="53" />
      <source>Plan file (JSON)</source>
      <translation>Fichier du plan (JSON)</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="54" />
      <source>Its source, and its entries of layer, area, zoom_min, zoom_max.</source>
      <translation>Sa source, et ses entrées avec couche, zone, zoom_min, zoom_max.</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="57" />
      <source>One .mbtiles file per layer, named after it.</source>
      <translation>Un fichier .mbtiles par couche, à son nom.</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="62" />
      <source>Re-check the tiles older than this many days (empty = never; 0 = all).</source>
      <translation>Revérifier les tuiles de plus de tant de jours (vide = jamais ; 0 = toutes).</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="64" />
      <source>Only the entries due</source>
      <translation>Seulement les entrées dues</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="65" />
      <source>Only the entries due for a refresh (the plan's refresh_days); none due: nothing runs.</source>
      <translation>Seulement les entrées dont le rafraîchissement est dû (refresh_days du plan) ; aucune due : rien ne s'exécute.</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="68" />
      <source>This machine's part (i/n)</source>
      <translation>Part de cette machine (i/n)</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="69" />
      <source>Only this machine's part, i/n (e.g. 2/3); empty = everything.</source>
      <translation>Seulement la part de cette machine, i/n (p. ex. 2/3) ; vide = tout.</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="72" />
      <source>Only estimate (fetch no tile)</source>
      <translation>Seulement estimer (aucune tuile)</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="73" />
      <source>Tiles, size and time per layer and zoom; no tile is fetched.</source>
      <translation>Tuiles, taille et durée par couche et par zoom ; aucune tuile n'est récupérée.</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="75" />
      <source>Add the library's files to the project</source>
      <translation>Charger la bibliothèque dans le projet</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="77" />
      <source>Tiles in the plan (this shard's)</source>
      <translation>Tuiles du plan (la part de cette machine)</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="80" />
      <source>Library files (one per line)</source>
      <translation>Fichiers de la bibliothèque (un par ligne)</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="82" />
      <source>Datasets of the plan: entry, product, status, files made (JSON)</source>
      <translation>Jeux de données du plan : entrée, produit, état, fichiers produits (JSON)</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="84" />
      <source>Entries that could not run, and why (JSON)</source>
      <translation>Entrées qui n'ont pas pu être exécutées, et pourquoi (JSON)</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="86" />
      <source>What the refresh changed, per layer and dataset (JSON; the addresses are in the library's refresh/report.jsonl)</source>
      <translation>Ce que le rafraîchissement a changé, par couche et jeu de données (JSON ; les adresses sont dans refresh/report.jsonl de la bibliothèque)</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="89" />
      <source>Styles of vector layers not saved, and why (one layer per line)</source>
      <translation>Styles des couches vectorielles non enregistrés, et pourquoi (une couche par ligne)</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="124" />
      <source>No entry of the plan is due for a refresh: nothing to do.</source>
      <translation>Aucune entrée du plan n'est à rafraîchir : rien à faire.</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="137" />
      <source>Entries {} ({}): {}</source>
      <translation>Entrées {} ({}) : {}</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="139" />
      <source>No entry of the plan could run: see the messages above.</source>
      <translation>Aucune entrée du plan n'a pu être exécutée : voyez les messages ci-dessus.</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="141" />
      <source> (shard {}/{})</source>
      <translation> (partie {}/{})</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="146" />
      <source>{}: {:,} tile at zoom {}-{}{} → {}</source>
      <translation>{} : {:,} tuile aux zooms {}-{}{} → {}</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="146" />
      <source>{}: {:,} tiles at zoom {}-{}{} → {}</source>
      <translation>{} : {:,} tuiles aux zooms {}-{}{} → {}</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="182" />
      <source>{}: {:,} downloaded ({}), {:,} already there, {:,} unchanged, {:,} empty, {:,} failed.</source>
      <translation>{} : {:,} téléchargées ({}), {:,} déjà présentes, {:,} inchangées, {:,} vides, {:,} en échec.</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="194" />
      <source>{:,} style saved in {}.</source>
      <translation>{:,} style enregistré dans {}.</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="194" />
      <source>{:,} styles saved in {}.</source>
      <translation>{:,} styles enregistrés dans {}.</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="205" />
      <source>Entry {} ({}): {}.</source>
      <translation>Entrée {} ({}) : {}.</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="210" />
      <source>Cancelled: run the plan again to resume where it stopped.</source>
      <translation>Annulé : relancez le plan pour reprendre là où il s'est arrêté.</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="212" />
      <source>No layer or dataset of the plan could be downloaded: see the messages above.</source>
      <translation>Aucune couche ni aucun jeu de données du plan n'a pu être téléchargé : voir les messages ci-dessus.</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="237" />
      <source>Entry {} ({}): {}</source>
      <translation>Entrée {} ({}) : {}</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="239" />
      <source>Entry {}: {}</source>
      <translation>Entrée {} : {}</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="242" />
      <source>Datasets to download: {} ({} with extraction).</source>
      <translation>Jeux de données à télécharger : {} ({} avec l'extraction).</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="272" />
      <source>{} zoom {}: {:,} tiles, {:,} already in the library, about {}{}</source>
      <translation>{} zoom {} : {:,} tuiles, dont {:,} déjà dans la bibliothèque, environ {}{}</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="275" />
      <source> (size per tile assumed)</source>
      <translation> (taille par tuile supposée)</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="278" />
      <source>{} h {:02d} min</source>
      <translation>{} h {:02d} min</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="278" />
      <source>{} min</source>
      <translation>{} min</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="278" />
      <source>{} s</source>
      <translation>{} s</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="279" />
      <source>about {} at {} requests/s</source>
      <translation>environ {} à {} requêtes/s</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="282" />
      <source>time unknown without a rate cap</source>
      <translation>durée inconnue sans limite de débit</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="283" />
      <source>To fetch: {:,} tiles, about {}; {}.</source>
      <translation>À récupérer : {:,} tuiles, environ {} ; {}.</translation>
    </message>
    <message>
      <location filename="../algorithms/save_vector_styles.py" line="25" />
      <source>Save vector tile styles</source>
      <translation>Enregistrer les styles de tuiles vectorielles</translation>
    </message>
    <message>
      <location filename="../algorithms/save_vector_styles.py" line="32" />
      <source>Vector MBTiles</source>
      <translation>MBTiles vectoriel</translation>
    </message>
    <message>
      <location filename="../algorithms/save_vector_styles.py" line="34" />
      <source>Styles to save</source>
      <translation>Styles à enregistrer</translation>
    </message>
    <message>
      <location filename="../algorithms/save_vector_styles.py" line="35" />
      <source>Separated by commas; empty: every style IGN publishes for the layer.</source>
      <translation>Séparés par des virgules ; vide : tous les styles publiés par l'IGN pour la couche.</translation>
    </message>
    <message>
      <location filename="../algorithms/save_vector_styles.py" line="37" />
      <source>TMS service</source>
      <translation>Service TMS</translation>
    </message>
    <message>
      <location filename="../algorithms/save_vector_styles.py" line="38" />
      <source>Empty: the file's own, else the Géoplateforme.</source>
      <translation>Vide : celui du fichier, sinon la Géoplateforme.</translation>
    </message>
    <message>
      <location filename="../algorithms/save_vector_styles.py" line="40" />
      <source>Layer</source>
      <translation>Couche</translation>
    </message>
    <message>
      <location filename="../algorithms/save_vector_styles.py" line="41" />
      <source>Empty: the file's own, e.g. PLAN.IGN.</source>
      <translation>Vide : celle du fichier, p. ex. PLAN.IGN.</translation>
    </message>
    <message>
      <location filename="../algorithms/save_vector_styles.py" line="43" />
      <source>Styles saved</source>
      <translation>Styles enregistrés</translation>
    </message>
    <message>
      <location filename="../algorithms/save_vector_styles.py" line="44" />
      <source>Styles folder</source>
      <translation>Dossier des styles</translation>
    </message>
    <message>
      <location filename="../algorithms/save_vector_styles.py" line="45" />
      <source>Styles not saved</source>
      <translation>Styles non enregistrés</translation>
    </message>
    <message>
      <location filename="../algorithms/save_vector_styles.py" line="46" />
      <source>Which styles were not saved, and why</source>
      <translation>Les styles non enregistrés, et pourquoi</translation>
    </message>
    <message>
      <location filename="../algorithms/save_vector_styles.py" line="51" />
      <source>'{}' does not exist: give a vector .mbtiles file.</source>
      <translation>« {} » n'existe pas : indiquez un fichier .mbtiles vectoriel.</translation>
    </message>
    <message>
      <location filename="../algorithms/save_vector_styles.py" line="56" />
      <source>'{}' holds image tiles ({}), not vector tiles: styles are for vector MBTiles.</source>
      <translation>« {} » contient des tuiles images ({}), pas des tuiles vectorielles : les styles sont pour les MBTiles vectoriels.</translation>
    </message>
    <message>
      <location filename="../algorithms/sync_field_folder.py" line="23" />
      <source>Sync a field folder from the library</source>
      <translation>Synchroniser un dossier de terrain depuis la bibliothèque</translation>
    </message>
    <message>
      <location filename="../algorithms/sync_field_folder.py" line="28" />
      <source>Field folder</source>
      <translation>Dossier de terrain</translation>
    </message>
    <message>
      <location filename="../algorithms/sync_field_folder.py" line="29" />
      <source>An offline project folder (made by make_project_offline) or a folder of exported copies.</source>
      <translation>Un dossier de projet hors ligne (fait par make_project_offline) ou un dossier de copies exportées.</translation>
    </message>
    <message>
      <location filename="../algorithms/sync_field_folder.py" line="32" />
      <source>The offline library; by default, the library files the copies recorded.</source>
      <translation>La bibliothèque hors ligne ; par défaut, les fichiers de bibliothèque notés par les copies.</translation>
    </message>
    <message>
      <location filename="../algorithms/sync_field_folder.py" line="34" />
      <source>Check each whole copy</source>
      <translation>Vérifier chaque copie en entier</translation>
    </message>
    <message>
      <location filename="../algorithms/sync_field_folder.py" line="35" />
      <source>After each patch, hash every tile of the copy (reads it whole): also finds tiles changed on the device behind its stored hash. Off (the default): only the patched tiles are read back, in the time of the patch rather than of the copy.</source>
      <translation>Après chaque correctif, calculer l'empreinte de chaque tuile de la copie (la relit en entier) : trouve aussi les tuiles modifiées sur l'appareil à l'insu de son empreinte enregistrée. Désactivé (par défaut) : seules les tuiles du correctif sont relues, dans le temps du correctif plutôt que dans celui de la copie.</translation>
    </message>
    <message>
      <location filename="../algorithms/sync_field_folder.py" line="38" />
      <source>Files updated</source>
      <translation>Fichiers mis à jour</translation>
    </message>
    <message>
      <location filename="../algorithms/sync_field_folder.py" line="38" />
      <source>Files already current</source>
      <translation>Fichiers déjà à jour</translation>
    </message>
    <message>
      <location filename="../algorithms/sync_field_folder.py" line="39" />
      <source>Files refused, with the reason</source>
      <translation>Fichiers refusés, avec la raison</translation>
    </message>
    <message>
      <location filename="../algorithms/sync_field_folder.py" line="41" />
      <source>Bytes moved (the patches)</source>
      <translation>Octets transférés (les correctifs)</translation>
    </message>
    <message>
      <location filename="../algorithms/sync_field_folder.py" line="42" />
      <source>Bytes a full copy would move</source>
      <translation>Octets que transférerait une copie complète</translation>
    </message>
    <message>
      <location filename="../algorithms/sync_field_folder.py" line="47" />
      <source>The FOLDER '{}' does not exist: give the offline project's folder (the one holding basemaps/).</source>
      <translation>Le dossier FOLDER « {} » n'existe pas : donnez le dossier du projet hors ligne (celui qui contient basemaps/).</translation>
    </message>
    <message>
      <location filename="../algorithms/sync_field_folder.py" line="60" />
      <source>Cancelled: the files updated so far stay updated, the others are left as they were; run again to update them.</source>
      <translation>Annulé : les fichiers déjà mis à jour le restent, les autres sont laissés tels quels ; relancez pour les mettre à jour.</translation>
    </message>
    <message>
      <location filename="../algorithms/sync_field_folder.py" line="66" />
      <source>{} holds no MBTiles: nothing to sync.</source>
      <translation>{} ne contient aucun MBTiles : rien à synchroniser.</translation>
    </message>
    <message>
      <location filename="../algorithms/sync_field_folder.py" line="67" />
      <source>{:,} updated, {:,} already current, {:,} refused: {} moved, where copying the files whole would move {}.</source>
      <translation>{:,} mis à jour, {:,} déjà à jour, {:,} refusés : {} transférés, là où copier les fichiers en entier transférerait {}.</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip.py" line="87" />
      <source>{} is damaged: {}. Delete it and download it again.</source>
      <translation>{} est endommagée : {}. Supprimez-la et téléchargez-la de nouveau.</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip.py" line="98" />
      <source>{} cannot be read: {}. Its volume {} is wrong ({}): the edition is incomplete or its volumes are mixed (from another edition, or in the wrong order). Delete all its volumes ({} to {}) and download them again.</source>
      <translation>{} ne peut pas être lu : {}. Son volume {} ne convient pas ({}) : l'édition est incomplète ou ses volumes sont mélangés (d'une autre édition, ou dans le mauvais ordre). Supprimez tous ses volumes ({} à {}) et téléchargez-les de nouveau.</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip.py" line="103" />
      <source>{} to {}</source>
      <translation>{} à {}</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip.py" line="104" />
      <source>{} cannot be read: {}. The failing data lies in its volume {}: the edition is incomplete or its volumes are mixed (from another edition, or in the wrong order), or that volume is damaged. Delete all its volumes ({} to {}) and download them again.</source>
      <translation>{} ne peut pas être lu : {}. Les données en échec se trouvent dans son volume {} : l'édition est incomplète ou ses volumes sont mélangés (d'une autre édition, ou dans le mauvais ordre), ou ce volume est endommagé. Supprimez tous ses volumes ({} à {}) et téléchargez-les de nouveau.</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip.py" line="104" />
      <source>{} cannot be read: {}. The failing data lies in its volumes {}: the edition is incomplete or its volumes are mixed (from another edition, or in the wrong order), or one of them is damaged. Delete all its volumes ({} to {}) and download them again.</source>
      <translation>{} ne peut pas être lu : {}. Les données en échec se trouvent dans ses volumes {} : l'édition est incomplète ou ses volumes sont mélangés (d'une autre édition, ou dans le mauvais ordre), ou l'un d'eux est endommagé. Supprimez tous ses volumes ({} à {}) et téléchargez-les de nouveau.</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip.py" line="121" />
      <source>it does not start the archive; {} does</source>
      <translation>il ne commence pas l'archive ; c'est {} qui la commence</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip.py" line="122" />
      <source>it does not start a 7z archive</source>
      <translation>il ne commence pas une archive 7z</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip.py" line="125" />
      <source>it starts an archive of its own</source>
      <translation>il commence une archive à lui seul</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip.py" line="127" />
      <source>it is {} where the volumes before it are {}: only the last one may be smaller</source>
      <translation>il fait {} alors que les volumes avant lui font {} : seul le dernier peut être plus petit</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip.py" line="130" />
      <source>it is {}, larger than the volumes before it ({})</source>
      <translation>il fait {}, plus que les volumes avant lui ({})</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip.py" line="163" />
      <source>{} uses {}, which IGN Offline cannot extract: extract it with 7-Zip (www.7-zip.org) instead.</source>
      <translation>{} utilise {}, qu'IGN Offline ne sait pas extraire : extrayez-la plutôt avec 7-Zip (www.7-zip.org).</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip.py" line="251" />
      <source>{} does not exist.</source>
      <translation>{} n'existe pas.</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip.py" line="281" />
      <source>it is not a 7z archive</source>
      <translation>ce n'est pas une archive 7z</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip.py" line="283" />
      <source>its start header fails its CRC</source>
      <translation>son en-tête de départ échoue au contrôle CRC</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip.py" line="290" />
      <source>{} is incomplete: its volume {} is missing. Download it (all the volumes must be side by side in one folder), then run again.</source>
      <translation>{} est incomplète : son volume {} manque. Téléchargez-le (tous les volumes doivent être côte à côte dans un même dossier), puis relancez.</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip.py" line="293" />
      <source>it ends before its header (truncated)</source>
      <translation>elle s'arrête avant son en-tête (tronquée)</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip.py" line="297" />
      <source>its header would take {} bytes</source>
      <translation>son en-tête occuperait {} octets</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip.py" line="302" />
      <source>its header fails its CRC</source>
      <translation>son en-tête échoue au contrôle CRC</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip.py" line="311" />
      <source>its header is encoded too many times</source>
      <translation>son en-tête est encodé trop de fois</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip.py" line="317" />
      <source>its encoded header has no single folder</source>
      <translation>son en-tête encodé n'a pas un dossier unique</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip.py" line="343" />
      <source>unexpected property {} in its header</source>
      <translation>propriété {} inattendue dans son en-tête</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip.py" line="348" />
      <source>it ends before its data does (truncated)</source>
      <translation>elle s'arrête avant la fin de ses données (tronquée)</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip.py" line="433" />
      <source>'{}' fails its CRC check</source>
      <translation>« {} » échoue au contrôle CRC</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip.py" line="483" />
      <source>its compressed data ends early</source>
      <translation>ses données compressées s'arrêtent trop tôt</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_decode.py" line="28" />
      <source>AES-256 (a password-protected archive)</source>
      <translation>AES-256 (une archive protégée par mot de passe)</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_decode.py" line="42" />
      <source>its compression method {}</source>
      <translation>sa méthode de compression {}</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_decode.py" line="44" />
      <source>a coder with {} inputs</source>
      <translation>un codeur à {} entrées</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_decode.py" line="46" />
      <source>a folder with several packed streams</source>
      <translation>un dossier à plusieurs flux compressés</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_decode.py" line="53" />
      <source>its coders loop</source>
      <translation>ses codeurs forment une boucle</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_decode.py" line="59" />
      <source>its coders do not bind</source>
      <translation>ses codeurs ne s'enchaînent pas</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_decode.py" line="75" />
      <source>bad LZMA2 properties</source>
      <translation>des propriétés LZMA2 invalides</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_decode.py" line="81" />
      <source>bad LZMA properties</source>
      <translation>des propriétés LZMA invalides</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_decode.py" line="160" />
      <source>its compression method {} as the last coder</source>
      <translation>sa méthode de compression {} comme dernier codeur</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_decode.py" line="180" />
      <source>its compressed data is corrupt</source>
      <translation>ses données compressées sont corrompues</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_extract.py" line="31" />
      <source>{} cannot be read ({}): check the file, then run again.</source>
      <translation>{} ne peut pas être lu ({}) : vérifiez le fichier, puis relancez.</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_extract.py" line="55" />
      <source>it would land outside {}</source>
      <translation>il serait écrit hors de {}</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_extract.py" line="57" />
      <source>{} was not extracted: its member '{}' is refused ({}).</source>
      <translation>{} n'a pas été extrait : son élément « {} » est refusé ({}).</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_extract.py" line="65" />
      <source>{} was not extracted: {}; it is not an honest package.</source>
      <translation>{} n'a pas été extrait : {} ; ce n'est pas une archive honnête.</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_extract.py" line="66" />
      <source>its members add up to {} from a {} file</source>
      <translation>ses éléments totalisent {} pour un fichier de {}</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_extract.py" line="77" />
      <source>an empty name</source>
      <translation>un nom vide</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_extract.py" line="79" />
      <source>a symbolic link</source>
      <translation>un lien symbolique</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_extract.py" line="81" />
      <source>{} bytes once extracted</source>
      <translation>{} octets une fois extrait</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_extract.py" line="116" />
      <source>The extraction of {} was cancelled: nothing half-extracted was left in {}.</source>
      <translation>L'extraction de {} a été annulée : rien d'extrait à moitié n'a été laissé dans {}.</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_extract.py" line="123" />
      <source>The disk holding {} is full while extracting {}: free some space (the archive itself is fine) and run again.</source>
      <translation>Le disque qui contient {} est plein pendant l'extraction de {} : libérez de la place (l'archive elle-même est intacte) et relancez.</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_extract.py" line="125" />
      <source>{} cannot be extracted into {} ({}): check that folder, then run again.</source>
      <translation>{} ne peut pas être extrait dans {} ({}) : vérifiez ce dossier, puis relancez.</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_header.py" line="56" />
      <source>no unbound output stream</source>
      <translation>aucun flux de sortie libre</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_header.py" line="91" />
      <source>its header ends too early</source>
      <translation>son en-tête s'arrête trop tôt</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_header.py" line="117" />
      <source>its header announces {} items</source>
      <translation>son en-tête annonce {} éléments</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_header.py" line="186" />
      <source>external folder lists</source>
      <translation>des listes de dossiers externes</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_header.py" line="206" />
      <source>alternative coder methods</source>
      <translation>des méthodes de codage alternatives</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_header.py" line="214" />
      <source>a folder's coders do not bind</source>
      <translation>les codeurs d'un dossier ne s'enchaînent pas</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_header.py" line="240" />
      <source>its files are larger than their folder</source>
      <translation>ses fichiers sont plus grands que leur dossier</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_header.py" line="264" />
      <source>its folders have more packed streams than it lists</source>
      <translation>ses dossiers ont plus de flux compressés qu'elle n'en liste</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_header.py" line="285" />
      <source>external file names</source>
      <translation>des noms de fichiers externes</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_header.py" line="288" />
      <source>its header lists fewer names than files</source>
      <translation>son en-tête liste moins de noms que de fichiers</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_header.py" line="294" />
      <source>external times</source>
      <translation>des dates externes</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_header.py" line="301" />
      <source>external attributes</source>
      <translation>des attributs externes</translation>
    </message>
    <message>
      <location filename="../core/archives/sevenzip_header.py" line="324" />
      <source>its header lists {} files with data for {} streams</source>
      <translation>son en-tête liste {} fichiers avec données pour {} flux</translation>
    </message>
    <message>
      <location filename="../core/archives/unpacking.py" line="20" />
      <source>absolute path</source>
      <translation>chemin absolu</translation>
    </message>
    <message>
      <location filename="../core/archives/unpacking.py" line="22" />
      <source>'..' in its path</source>
      <translation>« .. » dans son chemin</translation>
    </message>
    <message>
      <location filename="../core/archives/unpacking.py" line="29" />
      <source>compressed {} times</source>
      <translation>compressé {} fois</translation>
    </message>
    <message>
      <location filename="../core/archives/zip_extract.py" line="61" />
      <source>{} is not a readable ZIP ({}).</source>
      <translation>{} n'est pas un ZIP lisible ({}).</translation>
    </message>
    <message>
      <location filename="../core/archives/zip_extract.py" line="79" />
      <source>{}: '{}' would land outside {}.</source>
      <translation>{} : « {} » serait écrit hors de {}.</translation>
    </message>
    <message>
      <location filename="../core/archives/zip_extract.py" line="98" />
      <source>The disk holding {} is full while extracting {} from {}: free some space (the package itself is fine) and run again.</source>
      <translation>Le disque qui contient {} est plein pendant l'extraction de {} depuis {} : libérez de la place (l'archive elle-même est bonne) et relancez.</translation>
    </message>
    <message>
      <location filename="../core/archives/zip_extract.py" line="105" />
      <source>{} is damaged at '{}' ({}): delete it and run again to fetch it anew.</source>
      <translation>{} est endommagé à « {} » ({}) : supprimez-le et relancez pour le récupérer à nouveau.</translation>
    </message>
    <message>
      <location filename="../core/budget.py" line="148" />
      <source>The shared request budget (Redis at {}) answers again: this worker takes its requests from it again.</source>
      <translation>Le budget de requêtes partagé (Redis à {}) répond de nouveau : ce poste y reprend ses requêtes.</translation>
    </message>
    <message>
      <location filename="../core/budget.py" line="170" />
      <source>The shared request budget (Redis at {}) cannot be reached ({}): this worker goes on alone with 1/{} of each host's rate, and tries Redis again every {:.0f} s.</source>
      <translation>Le budget de requêtes partagé (Redis à {}) est injoignable ({}) : ce poste continue seul avec 1/{} du débit de chaque hôte, et réessaie Redis toutes les {:.0f} s.</translation>
    </message>
    <message>
      <location filename="../core/cache/addresses.py" line="177" />
      <source>{} ('{}')</source>
      <translation>{} (« {} »)</translation>
    </message>
    <message>
      <location filename="../core/cache/addresses.py" line="179" />
      <source>matrix '{}' is not in the set '{}' of the cached capabilities</source>
      <translation>la matrice « {} » n'est pas dans le jeu « {} » des capacités en cache</translation>
    </message>
    <message>
      <location filename="../core/cache/addresses.py" line="188" />
      <source>matrix set '{}' unknown (no cached capabilities describe it)</source>
      <translation>jeu de matrices « {} » inconnu (aucune capacité en cache ne le décrit)</translation>
    </message>
    <message>
      <location filename="../core/cache/qtcache.py" line="98" />
      <source>truncated (needs {} bytes at offset {}, file has {})</source>
      <translation>tronqué ({} octets nécessaires à la position {}, le fichier en a {})</translation>
    </message>
    <message>
      <location filename="../core/cache/qtcache.py" line="166" />
      <source>attribute of unsupported QVariant type {}</source>
      <translation>attribut d'un type QVariant non pris en charge ({})</translation>
    </message>
    <message>
      <location filename="../core/cache/qtcache.py" line="180" />
      <source>not a Qt network cache file (magic {:#x})</source>
      <translation>ce n'est pas un fichier du cache réseau de Qt (nombre magique {:#x})</translation>
    </message>
    <message>
      <location filename="../core/cache/qtcache.py" line="182" />
      <source>cache format version {} (only {} is known)</source>
      <translation>version {} du format de cache (seule la {} est connue)</translation>
    </message>
    <message>
      <location filename="../core/cache/qtcache.py" line="184" />
      <source>QDataStream version {} is newer than this reader knows</source>
      <translation>la version {} de QDataStream est plus récente que ce que ce lecteur connaît</translation>
    </message>
    <message>
      <location filename="../core/cache/qtcache.py" line="187" />
      <source>no URL</source>
      <translation>pas d'URL</translation>
    </message>
    <message>
      <location filename="../core/cache/qtcache.py" line="216" />
      <source>damaged compressed body ({})</source>
      <translation>contenu compressé endommagé ({})</translation>
    </message>
    <message>
      <location filename="../core/cache/qtcache.py" line="218" />
      <source>compressed body of {} bytes announced {}</source>
      <translation>contenu compressé de {} octets, {} annoncés</translation>
    </message>
    <message>
      <location filename="../core/cache/qtcache.py" line="309" />
      <source>cannot be read: {}</source>
      <translation>illisible : {}</translation>
    </message>
    <message>
      <location filename="../core/cache/recovery.py" line="69" />
      <source>Too many files named {}*.mbtiles in {}.</source>
      <translation>Trop de fichiers nommés {}*.mbtiles dans {}.</translation>
    </message>
    <message>
      <location filename="../core/cache/recovery.py" line="107" />
      <source>{}: zooms {}-{}, {:,} tiles written, {:,} kept, {} → {}</source>
      <translation>{} : zooms {}-{}, {:,} tuile(s) écrite(s), {:,} gardée(s), {} → {}</translation>
    </message>
    <message>
      <location filename="../core/cache/recovery.py" line="128" />
      <source>unreadable body: {}</source>
      <translation>contenu illisible : {}</translation>
    </message>
    <message>
      <location filename="../core/cache/recovery.py" line="137" />
      <source>invalid vector tile: {}</source>
      <translation>tuile vectorielle invalide : {}</translation>
    </message>
    <message>
      <location filename="../core/cache/recovery.py" line="139" />
      <source>invalid image: {}</source>
      <translation>image non valide : {}</translation>
    </message>
    <message>
      <location filename="../core/cache/recovery.py" line="241" />
      <source>unreadable: {}</source>
      <translation>illisible : {}</translation>
    </message>
    <message>
      <location filename="../core/cache/scan.py" line="68" />
      <source>The cache folder '{}' does not exist: give the folder set in Settings › Options › Network › Cache directory.</source>
      <translation>Le dossier de cache « {} » n'existe pas : indiquez celui réglé dans Préférences › Options › Réseau › Répertoire du cache.</translation>
    </message>
    <message>
      <location filename="../core/cache/scan.py" line="71" />
      <source>'{}' holds no Qt network cache (no {} folder): give the folder QGIS uses as its cache directory (Settings › Options › Network).</source>
      <translation>« {} » ne contient pas de cache réseau Qt (pas de dossier {}) : indiquez le dossier que QGIS utilise comme répertoire de cache (Préférences › Options › Réseau).</translation>
    </message>
    <message>
      <location filename="../core/cache/scan.py" line="78" />
      <source>vector tile metadata.json (read for the names of the layers)</source>
      <translation>metadata.json de tuiles vectorielles (lu pour le nom des couches)</translation>
    </message>
    <message>
      <location filename="../core/cache/scan.py" line="178" />
      <source>HTTP status {} (only 200 is kept)</source>
      <translation>statut HTTP {} (seul 200 est gardé)</translation>
    </message>
    <message>
      <location filename="../core/cache/scan.py" line="183" />
      <source>not an image ({})</source>
      <translation>pas une image ({})</translation>
    </message>
    <message>
      <location filename="../core/datasets/catalogue.py" line="48" />
      <source>BD TOPO (vector, GeoPackage)</source>
      <translation>BD TOPO (vecteur, GeoPackage)</translation>
    </message>
    <message>
      <location filename="../core/datasets/catalogue.py" line="49" />
      <source>RGE ALTI 5 m (elevation)</source>
      <translation>RGE ALTI 5 m (altitude)</translation>
    </message>
    <message>
      <location filename="../core/datasets/catalogue.py" line="50" />
      <source>RGE ALTI 1 m (elevation)</source>
      <translation>RGE ALTI 1 m (altitude)</translation>
    </message>
    <message>
      <location filename="../core/datasets/catalogue.py" line="51" />
      <source>BD ORTHO 20 cm (orthophotos)</source>
      <translation>BD ORTHO 20 cm (orthophotos)</translation>
    </message>
    <message>
      <location filename="../core/datasets/catalogue.py" line="52" />
      <source>Parcellaire Express (cadastre)</source>
      <translation>Parcellaire Express (cadastre)</translation>
    </message>
    <message>
      <location filename="../core/datasets/clipping.py" line="47" />
      <source>The area '{}' cannot be converted to the data's coordinate reference system.</source>
      <translation>La zone « {} » ne peut pas être convertie dans le système de coordonnées des données.</translation>
    </message>
    <message>
      <location filename="../core/datasets/derived.py" line="89" />
      <source>{} — {}: another run is using its data; waiting for that run to finish.</source>
      <translation>{} — {} : une autre exécution utilise ses données ; attente de la fin de cette exécution.</translation>
    </message>
    <message>
      <location filename="../core/datasets/derived.py" line="187" />
      <source>the outputs of {} for {}</source>
      <translation>les produits de {} pour {}</translation>
    </message>
    <message>
      <location filename="../core/datasets/derived.py" line="189" />
      <source>{}: another run is making the outputs in {}; waiting for that run to finish.</source>
      <translation>{} : une autre exécution prépare les fichiers dans {} ; attente de la fin de cette exécution.</translation>
    </message>
    <message>
      <location filename="../core/datasets/derived.py" line="222" />
      <source>{}: {} made without {}: its data cannot be fetched now (see above).</source>
      <translation>{} : {} faits sans {} : ses données ne peuvent pas être récupérées pour l'instant (voir plus haut).</translation>
    </message>
    <message>
      <location filename="../core/datasets/derived.py" line="222" />
      <source>{}: {} made without {}: their data cannot be fetched now (see above).</source>
      <translation>{} : {} faits sans {} : leurs données ne peuvent pas être récupérées pour l'instant (voir plus haut).</translation>
    </message>
    <message>
      <location filename="../core/datasets/derived.py" line="226" />
      <source>{}: {} made without {}, whose data are missing: run again to complete them.</source>
      <translation>{} : {} faits sans {}, dont les données manquent : relancez pour les compléter.</translation>
    </message>
    <message>
      <location filename="../core/datasets/derived.py" line="228" />
      <source>{}: {} is ready in {}.</source>
      <translation>{} : {} est prêt dans {}.</translation>
    </message>
    <message>
      <location filename="../core/datasets/derived.py" line="228" />
      <source>{}: {} are ready in {}.</source>
      <translation>{} : {} sont prêts dans {}.</translation>
    </message>
    <message>
      <location filename="../core/datasets/derived.py" line="324" />
      <source>GDAL could not join {} into {} ({}).</source>
      <translation>GDAL n'a pas pu réunir {} dans {} ({}).</translation>
    </message>
    <message>
      <location filename="../core/datasets/fetch.py" line="55" />
      <source>{} arrived on two runs with another MD5 than the one the download service lists ({}): it is no longer downloaded, and what the library holds here is kept as it is. It is tried again when the service lists another MD5 for it, or once '{}' is deleted.</source>
      <translation>{} est arrivé lors de deux exécutions avec un autre MD5 que celui que liste le service de téléchargement ({}) : il n'est plus téléchargé, et ce que la bibliothèque contient ici est conservé tel quel. Il sera retenté quand le service listera un autre MD5 pour lui, ou une fois « {} » supprimé.</translation>
    </message>
    <message>
      <location filename="../core/datasets/fetch.py" line="127" />
      <source>{} — {}: {} ready ({}).</source>
      <translation>{} — {} : {} prêt ({}).</translation>
    </message>
    <message>
      <location filename="../core/datasets/names.py" line="18" />
      <source>updated</source>
      <translation>mis à jour</translation>
    </message>
    <message>
      <location filename="../core/datasets/names.py" line="19" />
      <source>not available</source>
      <translation>non disponible</translation>
    </message>
    <message>
      <location filename="../core/datasets/names.py" line="20" />
      <source>failed</source>
      <translation>échec</translation>
    </message>
    <message>
      <location filename="../core/datasets/orthos.py" line="90" />
      <source>No BD ORTHO tile meets the area '{}' among the {} files given: choose the area the tiles cover, or download the département of this area.</source>
      <translation>Aucune dalle BD ORTHO ne touche la zone « {} » parmi les {} fichiers donnés : choisissez la zone que couvrent les dalles, ou téléchargez le département de cette zone.</translation>
    </message>
    <message>
      <location filename="../core/datasets/orthos.py" line="109" />
      <source>GDAL cannot read the tile '{}' ({}).</source>
      <translation>GDAL ne peut pas lire la dalle « {} » ({}).</translation>
    </message>
    <message>
      <location filename="../core/datasets/relief.py" line="66" />
      <source>the window of the DEM to compute on</source>
      <translation>la fenêtre du MNT à calculer</translation>
    </message>
    <message>
      <location filename="../core/datasets/relief.py" line="66" />
      <source>the cut to the area</source>
      <translation>la découpe à la zone</translation>
    </message>
    <message>
      <location filename="../core/datasets/relief.py" line="67" />
      <source>the hillshade</source>
      <translation>l'ombrage</translation>
    </message>
    <message>
      <location filename="../core/datasets/relief.py" line="67" />
      <source>the slope map</source>
      <translation>la carte des pentes</translation>
    </message>
    <message>
      <location filename="../core/datasets/relief.py" line="67" />
      <source>the contours</source>
      <translation>les courbes de niveau</translation>
    </message>
    <message>
      <location filename="../core/datasets/relief.py" line="107" />
      <source>a relief of {}</source>
      <translation>un relief de {}</translation>
    </message>
    <message>
      <location filename="../core/datasets/relief.py" line="133" />
      <source>Nothing to make: ask for a hillshade, a slope map or contours.</source>
      <translation>Rien à faire : demandez un ombrage, une carte des pentes ou des courbes de niveau.</translation>
    </message>
    <message>
      <location filename="../core/datasets/relief.py" line="135" />
      <source>The contour interval is {} m: give a positive number of metres (or 0 for none).</source>
      <translation>L'équidistance des courbes est de {} m : indiquez un nombre de mètres positif (ou 0 pour aucune).</translation>
    </message>
    <message>
      <location filename="../core/datasets/relief.py" line="145" />
      <source>'{}' is not a raster GDAL can read ({}): give a DEM (ASC, GeoTIFF, VRT…).</source>
      <translation>« {} » n'est pas un raster que GDAL sait lire ({}) : indiquez un MNT (ASC, GeoTIFF, VRT…).</translation>
    </message>
    <message>
      <location filename="../core/datasets/relief.py" line="148" />
      <source>'{}' has {} bands: a DEM has one (the elevations). Give an elevation raster, not an image.</source>
      <translation>« {} » a {} bandes : un MNT n'en a qu'une (les altitudes). Indiquez un raster d'altitudes, pas une image.</translation>
    </message>
    <message>
      <location filename="../core/datasets/relief.py" line="152" />
      <source>'{}' is not georeferenced on a north-up grid: give a DEM with its coordinates.</source>
      <translation>« {} » n'est pas géoréférencé sur une grille orientée au nord : indiquez un MNT avec ses coordonnées.</translation>
    </message>
    <message>
      <location filename="../core/datasets/relief.py" line="163" />
      <source>The relief file (OUTPUT_FOLDER)</source>
      <translation>Le fichier de relief (OUTPUT_FOLDER)</translation>
    </message>
    <message>
      <location filename="../core/datasets/relief.py" line="179" />
      <source>The area '{}' does not meet the DEM '{}' (it covers {:.0f}, {:.0f} – {:.0f}, {:.0f} in its CRS): choose an area inside it, or the DEM of that area.</source>
      <translation>La zone « {} » ne touche pas le MNT « {} » (il couvre {:.0f}, {:.0f} – {:.0f}, {:.0f} dans son SCR) : choisissez une zone à l'intérieur, ou le MNT de cette zone.</translation>
    </message>
    <message>
      <location filename="../core/datasets/relief.py" line="217" />
      <source>The DEM '{}' holds no elevation inside the area '{}' (only nodata there): choose an area where it has data, or the DEM of that area.</source>
      <translation>Le MNT « {} » ne contient aucune altitude dans la zone « {} » (seulement des valeurs nodata) : choisissez une zone où il a des données, ou le MNT de cette zone.</translation>
    </message>
    <message>
      <location filename="../core/datasets/relief.py" line="219" />
      <source>The DEM '{}' holds no elevation (only nodata): give a DEM with data.</source>
      <translation>Le MNT « {} » ne contient aucune altitude (seulement des valeurs nodata) : donnez un MNT avec des données.</translation>
    </message>
    <message>
      <location filename="../core/datasets/relief.py" line="227" />
      <source>This relief computes {:,} pixels of the DEM (over {:,}; {:,} of them hold elevations in the area): up to {} of files and about {} of work, and the disk holding {} has {} free.</source>
      <translation>Ce relief calcule {:,} pixels du MNT (plus de {:,} ; {:,} d'entre eux ont une altitude dans la zone) : jusqu'à {} de fichiers et environ {} de travail, et le disque qui contient {} a {} de libre.</translation>
    </message>
    <message>
      <location filename="../core/datasets/relief.py" line="344" />
      <source>a relief (its work folder)</source>
      <translation>un relief (son dossier de travail)</translation>
    </message>
    <message>
      <location filename="../core/datasets/relief.py" line="358" />
      <source>Not enough free space in {}: the relief needs up to {} and {} are free. Free some space, choose another folder or a smaller area.</source>
      <translation>Pas assez d'espace libre dans {} : le relief demande jusqu'à {} et {} sont libres. Libérez de la place, choisissez un autre dossier ou une zone plus petite.</translation>
    </message>
    <message>
      <location filename="../core/datasets/relief.py" line="415" />
      <source>GDAL could not make {} ({}).</source>
      <translation>GDAL n'a pas pu faire {} ({}).</translation>
    </message>
    <message>
      <location filename="../core/datasets/service.py" line="120" />
      <source>The download service address '{}' is not an http(s) address: give one like {}.</source>
      <translation>L'adresse du service de téléchargement « {} » n'est pas une adresse http(s) : indiquez-en une comme {}.</translation>
    </message>
    <message>
      <location filename="../core/datasets/service.py" line="178" />
      <source>The download service at {} lists a zone '{}' for {}, which is not a zone code (D031, D02A, R76, FRA…): its listing is refused and nothing is written. Check the service address; report it to IGN if it lasts.</source>
      <translation>Le service de téléchargement de {} liste une zone « {} » pour {}, qui n'est pas un code de zone (D031, D02A, R76, FRA…) : sa liste est refusée et rien n'est écrit. Vérifiez l'adresse du service ; signalez-le à l'IGN si cela dure.</translation>
    </message>
    <message>
      <location filename="../core/datasets/service.py" line="183" />
      <source>The download service at {} lists an edition named '{}' for {}, which is not a plain name: its listing is refused and nothing is written. Check the service address; report it to IGN if it lasts.</source>
      <translation>Le service de téléchargement de {} liste une édition nommée « {} » pour {}, qui n'est pas un simple nom : sa liste est refusée et rien n'est écrit. Vérifiez l'adresse du service ; signalez-le à l'IGN si cela dure.</translation>
    </message>
    <message>
      <location filename="../core/datasets/service.py" line="205" />
      <source>The download service at {} lists a file named '{}' in {}, which is not a plain file name: its listing is refused and nothing is written. Report it to IGN if it lasts.</source>
      <translation>Le service de téléchargement de {} liste un fichier nommé « {} » dans {}, qui n'est pas un simple nom de fichier : sa liste est refusée et rien n'est écrit. Signalez-le à l'IGN si cela dure.</translation>
    </message>
    <message>
      <location filename="../core/datasets/service.py" line="219" />
      <source>The download service at {} announces {:,} pages for {}: no real listing is that long. Try again later; if it lasts, the service is faulty.</source>
      <translation>Le service de téléchargement de {} annonce {:,} pages pour {} : aucune vraie liste n'est aussi longue. Réessayez plus tard ; si cela dure, le service est défaillant.</translation>
    </message>
    <message>
      <location filename="../core/datasets/service.py" line="227" />
      <source>The download service at {} sent the same page twice for {}: the listing would be incomplete. Try again later.</source>
      <translation>Le service de téléchargement de {} a envoyé deux fois la même page pour {} : la liste serait incomplète. Réessayez plus tard.</translation>
    </message>
    <message>
      <location filename="../core/datasets/service.py" line="243" />
      <source>The download service at {} sent a page of more than {} for {}: no real page is that large. Try again later.</source>
      <translation>Le service de téléchargement de {} a envoyé une page de plus de {} pour {} : aucune vraie page n'est aussi grande. Réessayez plus tard.</translation>
    </message>
    <message>
      <location filename="../core/datasets/service.py" line="247" />
      <source>The download service at {} did not send the page for {} within {:.0f} s. Try again later.</source>
      <translation>Le service de téléchargement de {} n'a pas envoyé la page de {} en {:.0f} s. Réessayez plus tard.</translation>
    </message>
    <message>
      <location filename="../core/datasets/service.py" line="251" />
      <source>The download service at {} redirected {} to an address that is not http(s): refused. Check the service address.</source>
      <translation>Le service de téléchargement de {} a redirigé {} vers une adresse qui n'est pas http(s) : refusé. Vérifiez l'adresse du service.</translation>
    </message>
    <message>
      <location filename="../core/datasets/service.py" line="255" />
      <source>The download service at {} cannot be reached ({}). Check the network connection (and proxy), then run again.</source>
      <translation>Le service de téléchargement de {} est injoignable ({}). Vérifiez la connexion réseau (et le proxy), puis relancez.</translation>
    </message>
    <message>
      <location filename="../core/datasets/service.py" line="270" />
      <source>The download service at {} keeps cutting the page for {} short (it announced {} bytes and sent {}): try again in a few minutes.</source>
      <translation>Le service de téléchargement de {} coupe sans cesse la page de {} avant sa fin (il annonçait {} octets et en a envoyé {}) : réessayez dans quelques minutes.</translation>
    </message>
    <message>
      <location filename="../core/datasets/service.py" line="273" />
      <source>The download service at {} keeps failing or asking to slow down for {}: try again in a few minutes.</source>
      <translation>Le service de téléchargement de {} échoue ou demande de ralentir sans cesse pour {} : réessayez dans quelques minutes.</translation>
    </message>
    <message>
      <location filename="../core/datasets/service.py" line="284" />
      <source>The download service at {} has no {}: check the product name (BDTOPO, RGEALTI, BDORTHO, PARCELLAIRE-EXPRESS…) or list the editions again.</source>
      <translation>Le service de téléchargement de {} n'a pas de {} : vérifiez le nom du produit (BDTOPO, RGEALTI, BDORTHO, PARCELLAIRE-EXPRESS…) ou listez à nouveau les éditions.</translation>
    </message>
    <message>
      <location filename="../core/datasets/service.py" line="287" />
      <source>The download service at {} refused {} (HTTP {} {}). Check the service address.</source>
      <translation>Le service de téléchargement de {} a refusé {} (HTTP {} {}). Vérifiez l'adresse du service.</translation>
    </message>
    <message>
      <location filename="../core/datasets/service.py" line="303" />
      <source>The download service at {} sent a feed for {} with a DOCTYPE or entities, which no real feed has: refused. Try again later.</source>
      <translation>Le service de téléchargement de {} a envoyé pour {} un flux avec un DOCTYPE ou des entités, ce qu'aucun vrai flux ne contient : refusé. Réessayez plus tard.</translation>
    </message>
    <message>
      <location filename="../core/datasets/service.py" line="308" />
      <source>The download service at {} sent a feed for {} that cannot be read ({}). Try again later.</source>
      <translation>Le service de téléchargement de {} a envoyé pour {} un flux illisible ({}). Réessayez plus tard.</translation>
    </message>
    <message>
      <location filename="../core/datasets/service.py" line="311" />
      <source>The download service at {} sent something other than an Atom feed for {}. Check the service address.</source>
      <translation>Le service de téléchargement de {} a envoyé autre chose qu'un flux Atom pour {}. Vérifiez l'adresse du service.</translation>
    </message>
    <message>
      <location filename="../core/datasets/service.py" line="333" />
      <source>The date '{}' is not a day written YYYY-MM-DD.</source>
      <translation>La date « {} » n'est pas un jour écrit AAAA-MM-JJ.</translation>
    </message>
    <message>
      <location filename="../core/datasets/service.py" line="345" />
      <source>The polygon has {} points: give at least three (lon, lat) points.</source>
      <translation>Le polygone a {} points : donnez au moins trois points (lon, lat).</translation>
    </message>
    <message>
      <location filename="../core/datasets/state.py" line="47" />
      <source>'{}' is not a product of the download service (BDTOPO, RGEALTI…): no folder is made for it.</source>
      <translation>« {} » n'est pas un produit du service de téléchargement (BDTOPO, RGEALTI…) : aucun dossier n'est créé pour lui.</translation>
    </message>
    <message>
      <location filename="../core/datasets/state.py" line="57" />
      <source>'{}' is not a zone code of the download service (D031, D02A, R76, FRA…): no folder is made for it.</source>
      <translation>« {} » n'est pas un code de zone du service de téléchargement (D031, D02A, R76, FRA…) : aucun dossier n'est créé pour lui.</translation>
    </message>
    <message>
      <location filename="../core/datasets/state.py" line="134" />
      <source>'{}' is damaged: its zone is downloaded again.</source>
      <translation>« {} » est endommagé : sa zone est de nouveau téléchargée.</translation>
    </message>
    <message>
      <location filename="../core/datasets/sync.py" line="176" />
      <source>{} — {}: files of the library are missing: they are downloaded again.</source>
      <translation>{} — {} : des fichiers de la bibliothèque manquent : ils sont de nouveau téléchargés.</translation>
    </message>
    <message>
      <location filename="../core/datasets/sync.py" line="253" />
      <source>the download service's edition {} lists no 7z archive: nothing can be downloaded, and what the library holds here is kept as it is. Try again when IGN has published it whole.</source>
      <translation>l'édition {} du service de téléchargement ne liste aucune archive 7z : rien ne peut être téléchargé, et ce que la bibliothèque contient ici est conservé tel quel. Réessayez quand l'IGN l'aura publiée en entier.</translation>
    </message>
    <message>
      <location filename="../core/datasets/sync.py" line="277" />
      <source>{} — {}: the service lists {} dated more than a day ahead of today ({}): ignored, as no edition can be dated in the future; the newest edition dated up to tomorrow is used.</source>
      <translation>{} — {} : le service liste {} daté de plus d'un jour après aujourd'hui ({}) : ignoré, car aucune édition ne peut être datée dans le futur ; l'édition la plus récente datée au plus de demain est utilisée.</translation>
    </message>
    <message>
      <location filename="../core/datasets/sync.py" line="332" />
      <source>The datasets need about {} (download and extraction) and the disk holding '{}' has {} free: free some space, choose another LIBRARY or a smaller area.</source>
      <translation>Les jeux de données demandent environ {} (téléchargement et extraction) et le disque qui contient « {} » a {} de libre : libérez de la place, choisissez une autre LIBRARY ou une zone plus petite.</translation>
    </message>
    <message>
      <location filename="../core/datasets/sync.py" line="348" />
      <source>This download is {} (over {}); with extraction it needs about {} and the disk holding {} has {} free.</source>
      <translation>Ce téléchargement fait {} (plus de {}) ; avec l'extraction, il demande environ {} et le disque qui contient {} a {} de libre.</translation>
    </message>
    <message>
      <location filename="../core/datasets/sync.py" line="357" />
      <source>{} — {}: the service lists no edition of it now (none dated up to tomorrow); the library keeps {} as it is.</source>
      <translation>{} — {} : le service n'en liste plus aucune édition (aucune datée au plus de demain) ; la bibliothèque conserve {} tel quel.</translation>
    </message>
    <message>
      <location filename="../core/datasets/sync.py" line="360" />
      <source>{} — {}: the service publishes no such dataset here.</source>
      <translation>{} — {} : le service ne publie pas ce jeu de données ici.</translation>
    </message>
    <message>
      <location filename="../core/datasets/sync.py" line="363" />
      <source>{} — {}: {}</source>
      <translation>{} — {} : {}</translation>
    </message>
    <message>
      <location filename="../core/datasets/sync.py" line="367" />
      <source>{} — {}: {}, {}: up to date.</source>
      <translation>{} — {} : {}, {} : à jour.</translation>
    </message>
    <message>
      <location filename="../core/datasets/sync.py" line="369" />
      <source>{} — {}: {}, {} in {}, {}: {} to download.</source>
      <translation>{} — {} : {}, {} en {}, {} : {} à télécharger.</translation>
    </message>
    <message>
      <location filename="../core/datasets/sync.py" line="371" />
      <source>{} file</source>
      <translation>{} fichier</translation>
    </message>
    <message>
      <location filename="../core/datasets/sync.py" line="371" />
      <source>{} files</source>
      <translation>{} fichiers</translation>
    </message>
    <message>
      <location filename="../core/datasets/sync.py" line="478" />
      <source>{}: cancelled; run again to resume where it stopped.</source>
      <translation>{} : annulé ; relancez pour reprendre là où il s'est arrêté.</translation>
    </message>
    <message>
      <location filename="../core/datasets/sync.py" line="487" />
      <source>{}: the service publishes no such dataset for this area.</source>
      <translation>{} : le service ne publie pas ce jeu de données pour cette zone.</translation>
    </message>
    <message>
      <location filename="../core/datasets/sync.py" line="488" />
      <source>{}: the département failed ({}): its reason is said above.</source>
      <translation>{} : le département est en échec ({}) : la raison est donnée plus haut.</translation>
    </message>
    <message>
      <location filename="../core/datasets/sync.py" line="488" />
      <source>{}: every département failed ({}): their reasons are said above.</source>
      <translation>{} : tous les départements sont en échec ({}) : les raisons sont données plus haut.</translation>
    </message>
    <message>
      <location filename="../core/datasets/sync.py" line="498" />
      <source>{}: {:,} département of {:,} failed: {}.</source>
      <translation>{} : {:,} département sur {:,} en échec : {}.</translation>
    </message>
    <message>
      <location filename="../core/datasets/sync.py" line="498" />
      <source>{}: {:,} départements of {:,} failed: {}.</source>
      <translation>{} : {:,} départements sur {:,} en échec : {}.</translation>
    </message>
    <message>
      <location filename="../core/datasets/sync.py" line="526" />
      <source>a download of {} {}</source>
      <translation>un téléchargement de {} {}</translation>
    </message>
    <message>
      <location filename="../core/datasets/sync.py" line="539" />
      <source>{} — {}: cancelled; run again to resume where it stopped.</source>
      <translation>{} — {} : annulé ; relancez pour reprendre là où il s'est arrêté.</translation>
    </message>
    <message>
      <location filename="../core/datasets/sync.py" line="561" />
      <source>{} — {}: another run has fetched {}, newer than {} listed when this run was planned: it is kept.</source>
      <translation>{} — {} : une autre exécution a récupéré {}, plus récente que {} listée quand cette exécution a été préparée : elle est conservée.</translation>
    </message>
    <message>
      <location filename="../core/datasets/sync.py" line="569" />
      <source>{} — {}: another run has fetched {} meanwhile: nothing to download.</source>
      <translation>{} — {} : une autre exécution a récupéré {} entre-temps : rien à télécharger.</translation>
    </message>
    <message>
      <location filename="../core/datasets/transfer.py" line="103" />
      <source>The download service at {} redirected to an address that is not http(s): refused.</source>
      <translation>Le service de téléchargement de {} a redirigé vers une adresse qui n'est pas http(s) : refusé.</translation>
    </message>
    <message>
      <location filename="../core/datasets/transfer.py" line="171" />
      <source>{} cannot be written in '{}' ({}). The {} received are kept in {}.part: free some space (or choose another folder), then run again to resume.</source>
      <translation>{} ne peut pas être écrit dans « {} » ({}). Les {} reçus sont conservés dans {}.part : libérez de l'espace (ou choisissez un autre dossier), puis relancez pour reprendre.</translation>
    </message>
    <message>
      <location filename="../core/datasets/transfer.py" line="186" />
      <source>The download service lists a file named '{}', which is not a plain file name: it is not written. Report it to IGN if it lasts.</source>
      <translation>Le service de téléchargement liste un fichier nommé « {} », qui n'est pas un simple nom de fichier : il n'est pas écrit. Signalez-le à l'IGN si cela dure.</translation>
    </message>
    <message>
      <location filename="../core/datasets/transfer.py" line="205" />
      <source>The download service at {} announced {} bytes for {} and sent {}; what it sent has the listed MD5: the file is whole and kept.</source>
      <translation>Le service de téléchargement de {} annonçait {} octets pour {} et en a envoyé {} ; ce qu'il a envoyé a le MD5 de la liste : le fichier est complet et conservé.</translation>
    </message>
    <message>
      <location filename="../core/datasets/transfer.py" line="243" />
      <source>Not enough free space in '{}' for {}: {} needed ({} still to download and {} kept free beside it), {} free. Free some space or choose another folder.</source>
      <translation>Pas assez d'espace libre dans « {} » pour {} : il faut {} ({} restant à télécharger et {} laissés libres à côté), {} libres. Libérez de l'espace ou choisissez un autre dossier.</translation>
    </message>
    <message>
      <location filename="../core/datasets/transfer.py" line="253" />
      <source>The MD5 of {} ({}) differs from the one the download service lists ({}): the file was damaged in transit. It was removed; run again to download it anew.</source>
      <translation>Le MD5 de {} ({}) diffère de celui que liste le service de téléchargement ({}) : le fichier a été endommagé pendant le transfert. Il a été supprimé ; relancez pour le télécharger à nouveau.</translation>
    </message>
    <message>
      <location filename="../core/datasets/transfer.py" line="303" />
      <source>The download of {} from {} stopped: the service announced {} bytes and sent {} ({}, {} attempts without a byte more). The part received is kept: run again later to resume.</source>
      <translation>Le téléchargement de {} depuis {} s'est arrêté : le service annonçait {} octets et en a envoyé {} ({}, {} tentatives sans un octet de plus). La partie reçue est conservée : relancez plus tard pour reprendre.</translation>
    </message>
    <message>
      <location filename="../core/datasets/transfer.py" line="307" />
      <source>The download of {} from {} failed {} times in a row ({}). The part received is kept: run again later to resume.</source>
      <translation>Le téléchargement de {} depuis {} a échoué {} fois de suite ({}). La partie reçue est conservée : relancez plus tard pour reprendre.</translation>
    </message>
    <message>
      <location filename="../core/datasets/transfer.py" line="318" />
      <source>the server accepted the connection but did not answer within {:.0f} s</source>
      <translation>le serveur a accepté la connexion mais n'a pas répondu en {:.0f} s</translation>
    </message>
    <message>
      <location filename="../core/datasets/transfer.py" line="339" />
      <source>HTTP {}</source>
      <translation>HTTP {}</translation>
    </message>
    <message>
      <location filename="../core/datasets/transfer.py" line="344" />
      <source>HTTP {} {}</source>
      <translation>HTTP {} {}</translation>
    </message>
    <message>
      <location filename="../core/datasets/transfer.py" line="346" />
      <source>The download service at {} no longer has {}: a newer edition may have replaced it. List the editions again.</source>
      <translation>Le service de téléchargement de {} n'a plus {} : une édition plus récente l'a peut-être remplacé. Listez à nouveau les éditions.</translation>
    </message>
    <message>
      <location filename="../core/datasets/transfer.py" line="349" />
      <source>The download service at {} refused {} (HTTP {} {}).</source>
      <translation>Le service de téléchargement de {} a refusé {} (HTTP {} {}).</translation>
    </message>
    <message>
      <location filename="../core/datasets/transfer.py" line="353" />
      <source>The download service at {} sent {} encoded ({}) although identity was asked: refused. Try again later.</source>
      <translation>Le service de téléchargement de {} a envoyé {} encodé ({}) alors que « identity » était demandé : refusé. Réessayez plus tard.</translation>
    </message>
    <message>
      <location filename="../core/datasets/transfer.py" line="361" />
      <source>The download service at {} sends {} bytes for {} where its listing said {}: the file changed. List the editions again.</source>
      <translation>Le service de téléchargement de {} envoie {} octets pour {} alors que sa liste en annonçait {} : le fichier a changé. Listez à nouveau les éditions.</translation>
    </message>
    <message>
      <location filename="../core/datasets/transfer.py" line="382" />
      <source>Content-Range '{}' does not follow the {} bytes received</source>
      <translation>le Content-Range « {} » ne suit pas les {} octets reçus</translation>
    </message>
    <message>
      <location filename="../core/datasets/transfer.py" line="407" />
      <source>The download service at {} sends more than the {} announced for {}: the transfer is stopped.</source>
      <translation>Le service de téléchargement de {} envoie plus que les {} annoncés pour {} : le transfert est arrêté.</translation>
    </message>
    <message>
      <location filename="../core/datasets/transfer.py" line="415" />
      <source>The download service at {} sent only {} of {} in {:.0f} s: the transfer is stopped. The part received is kept: run again later to resume.</source>
      <translation>Le service de téléchargement de {} n'a envoyé que {} de {} en {:.0f} s : le transfert est arrêté. La partie reçue est conservée : relancez plus tard pour reprendre.</translation>
    </message>
    <message>
      <location filename="../core/datasets/vectors.py" line="31" />
      <source>'{}' is not a vector dataset GDAL can read: give the GeoPackage or the folder of shapefiles of the product.</source>
      <translation>« {} » n'est pas un jeu de données vecteur que GDAL sait lire : indiquez le GeoPackage ou le dossier de shapefiles du produit.</translation>
    </message>
    <message>
      <location filename="../core/datasets/vectors.py" line="57" />
      <source>'{}' has no layer {}: its layers are {}.</source>
      <translation>« {} » n'a pas de couche {} : ses couches sont {}.</translation>
    </message>
    <message>
      <location filename="../core/datasets/vectors.py" line="78" />
      <source>'{}' holds no layer to clip.</source>
      <translation>« {} » ne contient aucune couche à découper.</translation>
    </message>
    <message>
      <location filename="../core/datasets/vectors.py" line="96" />
      <source>GDAL could not clip the layer {} of {} ({}).</source>
      <translation>GDAL n'a pas pu découper la couche {} de {} ({}).</translation>
    </message>
    <message>
      <location filename="../core/download/engine.py" line="220" />
      <source>gave no complete answer within {:.0f} s</source>
      <translation>n'a pas donné de réponse complète en {:.0f} s</translation>
    </message>
    <message>
      <location filename="../core/download/engine.py" line="221" />
      <source>timed out</source>
      <translation>n'a pas répondu à temps</translation>
    </message>
    <message>
      <location filename="../core/download/engine.py" line="228" />
      <source>HTTP {}: no data here</source>
      <translation>HTTP {} : pas de données ici</translation>
    </message>
    <message>
      <location filename="../core/download/engine.py" line="251" />
      <source>answered only 429 Too Many Requests</source>
      <translation>n'a répondu que 429 (trop de requêtes)</translation>
    </message>
    <message>
      <location filename="../core/download/engine.py" line="254" />
      <source>answered 429 Too Many Requests asking to wait {:.0f} s, longer than the {} a host may hold a job</source>
      <translation>a répondu 429 Too Many Requests en demandant d'attendre {:.0f} s, plus que les {} pendant lesquels un serveur peut bloquer une tâche</translation>
    </message>
    <message>
      <location filename="../core/download/engine.py" line="262" />
      <source>HTTP 429 Too Many Requests</source>
      <translation>HTTP 429 (trop de requêtes)</translation>
    </message>
    <message>
      <location filename="../core/download/engine.py" line="267" />
      <source>HTTP {} {}: {}</source>
      <translation>HTTP {} {} : {}</translation>
    </message>
    <message>
      <location filename="../core/download/engine.py" line="301" />
      <source>{} for {}</source>
      <translation>{} pendant {}</translation>
    </message>
    <message>
      <location filename="../core/download/engine.py" line="307" />
      <source>{} {}: {:,} tiles stored, {:,} left; run again later to resume.</source>
      <translation>{} {} : {:,} tuile(s) enregistrée(s), {:,} restante(s) ; relancez plus tard pour reprendre.</translation>
    </message>
    <message>
      <location filename="../core/download/engine.py" line="315" />
      <source>The server asks to slow down (429): pausing {:.0f} s.</source>
      <translation>Le serveur demande de ralentir (429) : pause de {:.0f} s.</translation>
    </message>
    <message>
      <location filename="../core/download/engine.py" line="406" />
      <source>Cannot reach {}: {}. Run again when online (or check the address).</source>
      <translation>Impossible de joindre {} : {}. Relancez une fois en ligne (ou vérifiez l'adresse).</translation>
    </message>
    <message>
      <location filename="../core/download/engine.py" line="418" />
      <source>The server refused the request for tile {}/{}/{} ({}): check the layer, style, format and API key.</source>
      <translation>Le serveur a refusé la demande de la tuile {}/{}/{} ({}) : vérifiez la couche, le style, le format et la clé d'API.</translation>
    </message>
    <message>
      <location filename="../core/download/engine.py" line="447" />
      <source>Tile {}/{}/{} failed: {}</source>
      <translation>La tuile {}/{}/{} a échoué : {}</translation>
    </message>
    <message>
      <location filename="../core/download/job.py" line="25" />
      <source>Layer '{}' has zoom levels {}-{} only; you asked {}-{}.</source>
      <translation>La couche « {} » n'a que les niveaux de zoom {}-{} ; vous avez demandé {}-{}.</translation>
    </message>
    <message>
      <location filename="../core/download/job.py" line="30" />
      <source>Layer '{}' has zoom levels {}-{}: downloading {}-{} instead of {}-{}.</source>
      <translation>La couche « {} » a les niveaux de zoom {}-{} : téléchargement de {}-{} au lieu de {}-{}.</translation>
    </message>
    <message>
      <location filename="../core/download/job.py" line="58" />
      <source>'{}' already holds {} ({}) from {}: it is left untouched. Choose another output file to download {} from {}.</source>
      <translation>« {} » contient déjà {} ({}) de {} : il n'est pas modifié. Choisissez un autre fichier de sortie pour télécharger {} de {}.</translation>
    </message>
    <message>
      <location filename="../core/download/job.py" line="111" />
      <source>a download of {} from {}</source>
      <translation>un téléchargement de {} depuis {}</translation>
    </message>
    <message>
      <location filename="../core/download/job.py" line="129" />
      <source>{:,} tiles lie outside the layer's coverage (TileMatrixLimits): not requested.</source>
      <translation>{:,} tuile(s) hors de la couverture de la couche (TileMatrixLimits) : non demandée(s).</translation>
    </message>
    <message>
      <location filename="../core/download/job.py" line="148" />
      <source>{:,} × {}</source>
      <translation>{:,} × {}</translation>
    </message>
    <message>
      <location filename="../core/download/job.py" line="150" />
      <source>Every tile requested failed ({:,} of {:,}: {}). Nothing new was stored; check the source, then run again.</source>
      <translation>Toutes les tuiles demandées ont échoué ({:,} sur {:,} : {}). Rien de nouveau n'a été enregistré ; vérifiez la source, puis relancez.</translation>
    </message>
    <message>
      <location filename="../core/download/job.py" line="177" />
      <source>Nothing was stored.</source>
      <translation>Rien n'a été enregistré.</translation>
    </message>
    <message>
      <location filename="../core/download/job.py" line="178" />
      <source>{} keeps the {:,} tile it holds: run again to resume.</source>
      <translation>{} garde {:,} tuile déjà enregistrée : relancez pour reprendre.</translation>
    </message>
    <message>
      <location filename="../core/download/job.py" line="178" />
      <source>{} keeps the {:,} tiles it holds: run again to resume.</source>
      <translation>{} garde {:,} tuiles déjà enregistrées : relancez pour reprendre.</translation>
    </message>
    <message>
      <location filename="../core/field/exports.py" line="65" />
      <source>The disk holding '{}' is full: the export to '{}' stopped and its partial file was removed; the input is untouched. Free some space, or choose an output on another disk, then run again.</source>
      <translation>Le disque qui contient « {} » est plein : l'export vers « {} » s'est arrêté et son fichier partiel a été supprimé ; l'entrée est intacte. Libérez de la place, ou choisissez une sortie sur un autre disque, puis relancez.</translation>
    </message>
    <message>
      <location filename="../core/field/exports.py" line="88" />
      <source>'{}' cannot be written ({}): choose another folder, then run again.</source>
      <translation>« {} » ne peut pas être écrit ({}) : choisissez un autre dossier, puis relancez.</translation>
    </message>
    <message>
      <location filename="../core/field/exports.py" line="198" />
      <source>'{}' holds vector tiles: FORMAT {} holds pictures. Export it as {} (copied as they are), or choose the TARGET of a raster-only app so that QGIS renders the styled layer first.</source>
      <translation>« {} » contient des tuiles vectorielles : le FORMAT {} contient des images. Exportez-le en {} (tuiles copiées telles quelles), ou choisissez comme TARGET une application qui ne lit que le raster, pour que QGIS dessine d'abord la couche avec son style.</translation>
    </message>
    <message>
      <location filename="../core/field/exports.py" line="203" />
      <source>The subset holds no tile (zooms {}-{}, area): widen it.</source>
      <translation>La sélection ne contient aucune tuile (zooms {}-{}, zone) : élargissez-la.</translation>
    </message>
    <message>
      <location filename="../core/field/exports.py" line="204" />
      <source>The subset holds no tile (zooms {}-{}): widen it.</source>
      <translation>La sélection ne contient aucune tuile (zooms {}-{}) : élargissez-la.</translation>
    </message>
    <message>
      <location filename="../core/field/exports.py" line="206" />
      <source>MAX_FILE_MB {:g} is smaller than one file of one tile: the largest tile takes {:.2f} MB with the file's own tables; give at least {:.1f}.</source>
      <translation>MAX_FILE_MB {:g} est plus petit qu'un fichier d'une seule tuile : la plus grosse tuile occupe {:.2f} Mo avec les tables du fichier ; indiquez au moins {:.1f}.</translation>
    </message>
    <message>
      <location filename="../core/field/exports.py" line="229" />
      <source>'{}' holds tiles that are neither PNG, JPEG nor WebP (metadata format '{}'): only raster tiles can be exported.</source>
      <translation>« {} » contient des tuiles qui ne sont ni PNG, ni JPEG, ni WebP (format des métadonnées « {} ») : seules les tuiles raster peuvent être exportées.</translation>
    </message>
    <message>
      <location filename="../core/field/exports.py" line="270" />
      <source>an export to {}</source>
      <translation>un export en {}</translation>
    </message>
    <message>
      <location filename="../core/field/exports.py" line="318" />
      <source>GDAL cannot open '{}' as a raster.</source>
      <translation>GDAL ne peut pas ouvrir « {} » comme raster.</translation>
    </message>
    <message>
      <location filename="../core/field/exports.py" line="367" />
      <source>GDAL could not write '{}': {}</source>
      <translation>GDAL n'a pas pu écrire « {} » : {}</translation>
    </message>
    <message>
      <location filename="../core/field/exports.py" line="529" />
      <source>A raster INPUT can be exported as {}, not '{}'.</source>
      <translation>Un raster en INPUT peut être exporté en {}, pas en « {} ».</translation>
    </message>
    <message>
      <location filename="../core/field/folder_sync.py" line="75" />
      <source>'{}' does not name the library file it was made from: make it again from the library.</source>
      <translation>« {} » ne nomme pas le fichier de la bibliothèque dont il a été fait : refaites-le à partir de la bibliothèque.</translation>
    </message>
    <message>
      <location filename="../core/field/folder_sync.py" line="79" />
      <source>its library file {} is gone: download that layer into the library again (or give the LIBRARY it is in), or copy a fresh export.</source>
      <translation>son fichier de bibliothèque {} a disparu : téléchargez de nouveau cette couche dans la bibliothèque (ou donnez la bibliothèque LIBRARY où il se trouve), ou copiez un nouvel export.</translation>
    </message>
    <message>
      <location filename="../core/field/folder_sync.py" line="82" />
      <source>'{}' is a library file itself, not a copy: the sync never writes into the library.</source>
      <translation>« {} » est lui-même un fichier de la bibliothèque, pas une copie : la synchronisation n'écrit jamais dans la bibliothèque.</translation>
    </message>
    <message>
      <location filename="../core/field/folder_sync.py" line="119" />
      <source>The FOLDER '{}' is inside the LIBRARY '{}': the sync updates copies, never the library's own files. Give the offline project's folder.</source>
      <translation>Le dossier FOLDER « {} » est dans la bibliothèque LIBRARY « {} » : la synchronisation met à jour des copies, jamais les fichiers de la bibliothèque. Donnez le dossier du projet hors ligne.</translation>
    </message>
    <message>
      <location filename="../core/field/folder_sync.py" line="140" />
      <source>{}: updated, {:,} tiles, {} moved (the file is {}).</source>
      <translation>{} : mis à jour, {:,} tuiles, {} transférés (le fichier fait {}).</translation>
    </message>
    <message>
      <location filename="../core/field/folder_sync.py" line="143" />
      <source>{}: already current, nothing moved.</source>
      <translation>{} : déjà à jour, rien de transféré.</translation>
    </message>
    <message>
      <location filename="../core/field/folder_sync.py" line="144" />
      <source>{}: refused, left untouched — {}</source>
      <translation>{} : refusé, laissé intact — {}</translation>
    </message>
    <message>
      <location filename="../core/field/folder_sync.py" line="180" />
      <source>'{}' no longer holds what its agg_tiles_hash says: it changed since it was written. Copy a fresh export to the device.</source>
      <translation>« {} » ne contient plus ce que dit son agg_tiles_hash : il a changé depuis son écriture. Copiez un nouvel export sur l'appareil.</translation>
    </message>
    <message>
      <location filename="../core/field/folder_sync.py" line="320" />
      <source>'{}' carries no agg_tiles_hash_before_apply/after_apply: make it again with make_patch.</source>
      <translation>« {} » ne porte pas agg_tiles_hash_before_apply/after_apply : refaites-le avec make_patch.</translation>
    </message>
    <message>
      <location filename="../core/field/formats.py" line="45" />
      <source>QField and most apps</source>
      <translation>QField et la plupart des applications</translation>
    </message>
    <message>
      <location filename="../core/field/formats.py" line="47" />
      <source>OsmAnd and Locus</source>
      <translation>OsmAnd et Locus</translation>
    </message>
    <message>
      <location filename="../core/field/formats.py" line="49" />
      <source>GeoPackage</source>
      <translation>GeoPackage</translation>
    </message>
    <message>
      <location filename="../core/field/formats.py" line="51" />
      <source>a Cloud-Optimized GeoTIFF, rasters only</source>
      <translation>un GeoTIFF optimisé pour le cloud, rasters seulement</translation>
    </message>
    <message>
      <location filename="../core/field/formats.py" line="53" />
      <source>PMTiles for a web page</source>
      <translation>PMTiles pour une page web</translation>
    </message>
    <message>
      <location filename="../core/field/formats.py" line="55" />
      <source>a tiled GeoTIFF, re-encoded in JPEG</source>
      <translation>un GeoTIFF tuilé, réencodé en JPEG</translation>
    </message>
    <message>
      <location filename="../core/field/formats.py" line="93" />
      <source>QField</source>
      <translation>QField</translation>
    </message>
    <message>
      <location filename="../core/field/formats.py" line="94" />
      <source>Copy the file beside the project on the device; QFieldCloud advises files under 2 GB.</source>
      <translation>Copiez le fichier à côté du projet sur l'appareil ; QFieldCloud conseille des fichiers de moins de 2 Go.</translation>
    </message>
    <message>
      <location filename="../core/field/formats.py" line="95" />
      <source>OsmAnd</source>
      <translation>OsmAnd</translation>
    </message>
    <message>
      <location filename="../core/field/formats.py" line="96" />
      <source>OsmAnd reads .sqlitedb (not MBTiles): copy it into osmand/tiles/ on the device.</source>
      <translation>OsmAnd lit les .sqlitedb (pas les MBTiles) : copiez-le dans osmand/tiles/ sur l'appareil.</translation>
    </message>
    <message>
      <location filename="../core/field/formats.py" line="97" />
      <source>Locus Map</source>
      <translation>Locus Map</translation>
    </message>
    <message>
      <location filename="../core/field/formats.py" line="98" />
      <source>Copy it into Locus/mapsOnline/ or Locus/maps/; older Android versions cannot open files over 2 GB.</source>
      <translation>Copiez-le dans Locus/mapsOnline/ ou Locus/maps/ ; les anciennes versions d'Android n'ouvrent pas les fichiers de plus de 2 Go.</translation>
    </message>
    <message>
      <location filename="../core/field/formats.py" line="100" />
      <source>AlpineQuest</source>
      <translation>AlpineQuest</translation>
    </message>
    <message>
      <location filename="../core/field/formats.py" line="101" />
      <source>Copy it into AlpineQuest/maps/ on the device.</source>
      <translation>Copiez-le dans AlpineQuest/maps/ sur l'appareil.</translation>
    </message>
    <message>
      <location filename="../core/field/formats.py" line="102" />
      <source>Avenza Maps (GeoTIFF)</source>
      <translation>Avenza Maps (GeoTIFF)</translation>
    </message>
    <message>
      <location filename="../core/field/formats.py" line="103" />
      <source>Avenza imports GeoTIFF: the tiles are rendered by GDAL (re-encoded in JPEG) at the highest zoom.</source>
      <translation>Avenza importe des GeoTIFF : les tuiles sont rendues par GDAL (réencodées en JPEG) au zoom le plus fin.</translation>
    </message>
    <message>
      <location filename="../core/field/formats.py" line="105" />
      <source>Web page (PMTiles, MapLibre)</source>
      <translation>Page web (PMTiles, MapLibre)</translation>
    </message>
    <message>
      <location filename="../core/field/formats.py" line="106" />
      <source>A folder whose index.html shows the map in a browser, offline: serve the folder with a web server that honours byte ranges (python3 serve.py in it), then open the address it gives.</source>
      <translation>Un dossier dont la page index.html affiche la carte dans un navigateur, hors ligne : servez le dossier avec un serveur web qui accepte les requêtes partielles (python3 serve.py dans ce dossier), puis ouvrez l'adresse qu'il donne.</translation>
    </message>
    <message>
      <location filename="../core/field/formats.py" line="119" />
      <source>Unknown TARGET '{}': use one of {}.</source>
      <translation>TARGET « {} » inconnue : utilisez l'une de celles-ci : {}.</translation>
    </message>
    <message>
      <location filename="../core/field/formats.py" line="127" />
      <source>{} opens {}, not FORMAT {}: leave FORMAT empty or pick one of these.</source>
      <translation>{} ouvre {}, pas le FORMAT {} : laissez FORMAT vide ou choisissez l'un de ceux-là.</translation>
    </message>
    <message>
      <location filename="../core/field/formats.py" line="134" />
      <source>{} opens {}, which cannot be made from this INPUT: export an MBTiles of the library.</source>
      <translation>{} ouvre {}, qu'on ne peut pas produire à partir de cet INPUT : exportez un MBTiles de la bibliothèque.</translation>
    </message>
    <message>
      <location filename="../core/field/formats.py" line="150" />
      <source>FORMAT {} is for rasters: vector tiles are exported as {}, or rendered into {}.</source>
      <translation>Le FORMAT {} est réservé aux rasters : les tuiles vectorielles s'exportent en {}, ou sont dessinées en {}.</translation>
    </message>
    <message>
      <location filename="../core/field/formats.py" line="189" />
      <source>OUTPUT '{}' names a {} file but FORMAT {} writes {}: name it '{}', or pick the FORMAT of that file.</source>
      <translation>OUTPUT « {} » désigne un fichier {} mais le FORMAT {} écrit du {} : nommez-le « {} », ou choisissez le FORMAT de ce fichier.</translation>
    </message>
    <message>
      <location filename="../core/field/offline_copy.py" line="56" />
      <source>{}: copied → {} ({})</source>
      <translation>{} : copiée → {} ({})</translation>
    </message>
    <message>
      <location filename="../core/field/offline_copy.py" line="67" />
      <source>, with its saved styles: {}</source>
      <translation>, avec ses styles enregistrés : {}</translation>
    </message>
    <message>
      <location filename="../core/field/offline_copy.py" line="87" />
      <source>the offline copy of {}</source>
      <translation>la copie hors ligne de {}</translation>
    </message>
    <message>
      <location filename="../core/field/offline_copy.py" line="91" />
      <source>{}: {:,} vector tiles at zoom {}-{} ({:,} fetched, {:,} already there, {:,} failed), {} → basemaps/{}</source>
      <translation>{} : {:,} tuiles vectorielles aux zooms {}-{} ({:,} téléchargées, {:,} déjà présentes, {:,} en échec), {} → basemaps/{}</translation>
    </message>
    <message>
      <location filename="../core/field/offline_copy.py" line="107" />
      <source>{}: the layer's metadata.json could not be read ({}): its tiles are taken as an XYZ template.</source>
      <translation>{} : le metadata.json de la couche n'a pas pu être lu ({}) : ses tuiles sont prises comme un modèle XYZ.</translation>
    </message>
    <message>
      <location filename="../core/field/offline_copy.py" line="118" />
      <source>the library's {} holds zooms {}-{}, none of {}-{}: choose zooms it holds</source>
      <translation>le fichier {} de la bibliothèque contient les zooms {}-{}, aucun de {}-{} : choisissez des zooms qu'il contient</translation>
    </message>
    <message>
      <location filename="../core/field/offline_copy.py" line="128" />
      <source>{}: {:,} vector tiles at zoom {}-{} taken from the library, {} → basemaps/{}</source>
      <translation>{} : {:,} tuiles vectorielles aux zooms {}-{} prises dans la bibliothèque, {} → basemaps/{}</translation>
    </message>
    <message>
      <location filename="../core/field/offline_copy.py" line="151" />
      <source>{}: {:,} tiles at zoom {}-{} ({:,} from the library, {:,} fetched, {:,} already there, {:,} failed), {} → basemaps/{}.mbtiles</source>
      <translation>{} : {:,} tuiles aux zooms {} à {} ({:,} prises dans la bibliothèque, {:,} téléchargées, {:,} déjà là, {:,} en échec), {} → basemaps/{}.mbtiles</translation>
    </message>
    <message>
      <location filename="../core/field/offline_copy.py" line="155" />
      <source>{}: {:,} tiles at zoom {}-{} ({:,} fetched, {:,} already there, {:,} failed), {} → basemaps/{}.mbtiles</source>
      <translation>{} : {:,} tuiles aux zooms {} à {} ({:,} téléchargées, {:,} déjà là, {:,} en échec), {} → basemaps/{}.mbtiles</translation>
    </message>
    <message>
      <location filename="../core/field/patching.py" line="33" />
      <source>BASE '{}' does not exist: give the device's MBTiles copy made by export_tiles.</source>
      <translation>BASE « {} » n'existe pas : donnez la copie MBTiles de l'appareil faite par export_tiles.</translation>
    </message>
    <message>
      <location filename="../core/field/patching.py" line="36" />
      <source>BASE '{}' is a {} file: patches update MBTiles copies only ({} has no place to record what the export covers). Export as MBTiles for patch updates, or export this copy again whole.</source>
      <translation>BASE « {} » est un fichier {} : les correctifs ne mettent à jour que des copies MBTiles ({} n'a pas de place pour noter ce que couvre l'export). Exportez en MBTiles pour des mises à jour par correctifs, ou exportez de nouveau cette copie en entier.</translation>
    </message>
    <message>
      <location filename="../core/field/patching.py" line="44" />
      <source>BASE '{}' is part {} of an export split by size made by an older version, which did not record which tiles are the part's own. Export it again (each part then updates by its own patch).</source>
      <translation>BASE « {} » est la partie {} d'un export découpé par taille fait par une version antérieure, qui ne notait pas quelles tuiles sont les siennes. Exportez-le de nouveau (chaque partie se met alors à jour par son propre patch).</translation>
    </message>
    <message>
      <location filename="../core/field/patching.py" line="61" />
      <source>BASE '{}' holds {} tiles, INPUT '{}' {}: the copy was not exported from this file (or was rendered from its vector tiles). Give the library file it was exported from.</source>
      <translation>BASE « {} » contient des tuiles {}, INPUT « {} » des tuiles {} : la copie n'a pas été exportée de ce fichier (ou a été rendue à partir de ses tuiles vectorielles). Donnez le fichier de la bibliothèque dont elle a été exportée.</translation>
    </message>
    <message>
      <location filename="../core/field/patching.py" line="64" />
      <source>a patch of {}</source>
      <translation>un correctif de {}</translation>
    </message>
    <message>
      <location filename="../core/field/patching.py" line="87" />
      <source>'{}' no longer holds what its agg_tiles_hash says ({}; its tiles give {}): it changed since it was written. Copy a fresh export to the device.</source>
      <translation>« {} » ne contient plus ce que dit son agg_tiles_hash ({} ; ses tuiles donnent {}) : il a changé depuis son écriture. Copiez un nouvel export sur l'appareil.</translation>
    </message>
    <message>
      <location filename="../core/field/patching.py" line="91" />
      <source>INPUT '{}' holds no tile of the copy's area and zooms: it is not the file the copy was exported from.</source>
      <translation>INPUT « {} » ne contient aucune tuile de la zone et des zooms de la copie : ce n'est pas le fichier dont la copie a été exportée.</translation>
    </message>
    <message>
      <location filename="../core/field/projects.py" line="66" />
      <source>'{}' holds no .qgs project.</source>
      <translation>« {} » ne contient aucun projet .qgs.</translation>
    </message>
    <message>
      <location filename="../core/field/projects.py" line="69" />
      <source>'{}' is not a QGIS project (.qgz is a zip file).</source>
      <translation>« {} » n'est pas un projet QGIS (un .qgz est un fichier zip).</translation>
    </message>
    <message>
      <location filename="../core/field/projects.py" line="73" />
      <source>'{}' is not a QGIS project ({}).</source>
      <translation>« {} » n'est pas un projet QGIS ({}).</translation>
    </message>
    <message>
      <location filename="../core/field/projects.py" line="121" />
      <source>its file is not on this computer ({})</source>
      <translation>son fichier n'est pas sur cet ordinateur ({})</translation>
    </message>
    <message>
      <location filename="../core/field/projects.py" line="122" />
      <source>a vector tile layer that is neither an XYZ template of .pbf tiles nor an MBTiles file: it needs the network</source>
      <translation>une couche de tuiles vectorielles qui n'est ni un modèle XYZ de tuiles .pbf ni un fichier MBTiles : elle a besoin du réseau</translation>
    </message>
    <message>
      <location filename="../core/field/projects.py" line="147" />
      <source>a WMS layer (rendered images, not tiles): it needs the network</source>
      <translation>une couche WMS (des images calculées, pas des tuiles) : elle a besoin du réseau</translation>
    </message>
    <message>
      <location filename="../core/field/projects.py" line="157" />
      <source>a {} layer (a database or web service) cannot be copied</source>
      <translation>une couche {} (base de données ou service web) ne peut pas être copiée</translation>
    </message>
    <message>
      <location filename="../core/field/projects.py" line="173" />
      <source>The project's private layers lie on several servers ({}): the account goes to none of them. Set the URL of the authentication configuration to the server it is for.</source>
      <translation>Les couches privées du projet sont sur plusieurs serveurs ({}) : le compte n'est envoyé à aucun. Indiquez dans la configuration d'authentification l'URL du serveur auquel elle est destinée.</translation>
    </message>
    <message>
      <location filename="../core/field/projects.py" line="184" />
      <source>The project '{}' does not exist: give a .qgz or .qgs file.</source>
      <translation>Le projet « {} » n'existe pas : indiquez un fichier .qgz ou .qgs.</translation>
    </message>
    <message>
      <location filename="../core/field/projects.py" line="188" />
      <source>'{}' is not a QGIS project.</source>
      <translation>« {} » n'est pas un projet QGIS.</translation>
    </message>
    <message>
      <location filename="../core/field/projects.py" line="206" />
      <source>The output folder is the project's own folder: the copy would overwrite the project. Choose another folder (e.g. a new one beside it).</source>
      <translation>Le dossier de sortie est celui du projet : la copie écraserait le projet. Choisissez un autre dossier (par exemple un nouveau dossier à côté).</translation>
    </message>
    <message>
      <location filename="../core/field/projects.py" line="212" />
      <source>The output folder's data/ folder holds the project's own files ({}): choose another output folder.</source>
      <translation>Le dossier data/ du dossier de sortie contient les fichiers du projet lui-même ({}) : choisissez un autre dossier de sortie.</translation>
    </message>
    <message>
      <location filename="../core/field/projects.py" line="215" />
      <source>The output folder holds the project itself: choose another folder.</source>
      <translation>Le dossier de sortie contient le projet lui-même : choisissez un autre dossier.</translation>
    </message>
    <message>
      <location filename="../core/field/web.py" line="100" />
      <source>The web export goes into the folder '{}', but a file has that name: choose another OUTPUT.</source>
      <translation>L'export web se fait dans le dossier « {} », mais un fichier porte ce nom : choisissez une autre sortie (OUTPUT).</translation>
    </message>
    <message>
      <location filename="../core/field/web.py" line="106" />
      <source>The web export goes into the folder '{}', which already holds other files: choose a new OUTPUT (the folder is named like it, without .pmtiles).</source>
      <translation>L'export web se fait dans le dossier « {} », qui contient déjà d'autres fichiers : choisissez une nouvelle sortie (OUTPUT ; le dossier porte son nom, sans .pmtiles).</translation>
    </message>
    <message>
      <location filename="../core/field/web.py" line="150" />
      <source>The web viewer's JavaScript is missing from the plugin ({} in {}): reinstall the plugin, or run 'make setup' in a checkout. Or export FORMAT pmtiles alone.</source>
      <translation>Le JavaScript de la visionneuse web manque dans l'extension ({} dans {}) : réinstallez l'extension, ou lancez « make setup » dans une copie de travail. Ou exportez seulement le FORMAT pmtiles.</translation>
    </message>
    <message>
      <location filename="../core/field/web.py" line="220" />
      <source>The style '{}' is left out of the web page: {}</source>
      <translation>Le style « {} » est laissé hors de la page web : {}</translation>
    </message>
    <message>
      <location filename="../core/field/writers.py" line="246" />
      <source>The pmtiles package is missing: reinstall the plugin (it ships it), or pip install pmtiles.</source>
      <translation>Le paquet pmtiles manque : réinstallez l'extension (elle le fournit), ou pip install pmtiles.</translation>
    </message>
    <message>
      <location filename="../core/ftp/client.py" line="37" />
      <source>run list_ftp_products</source>
      <translation>lancez list_ftp_products</translation>
    </message>
    <message>
      <location filename="../core/ftp/client.py" line="38" />
      <source>The server</source>
      <translation>Le serveur</translation>
    </message>
    <message>
      <location filename="../core/ftp/client.py" line="38" />
      <source>The port</source>
      <translation>Le port</translation>
    </message>
    <message>
      <location filename="../core/ftp/client.py" line="38" />
      <source>the server's address and port</source>
      <translation>l'adresse et le port du serveur</translation>
    </message>
    <message>
      <location filename="../core/ftp/client.py" line="39" />
      <source>click '{}'</source>
      <translation>cliquez sur « {} »</translation>
    </message>
    <message>
      <location filename="../core/ftp/client.py" line="39" />
      <source>List products</source>
      <translation>Lister les produits</translation>
    </message>
    <message>
      <location filename="../core/ftp/client.py" line="75" />
      <source>{} '{}' is not a host name: give a name such as {} or an address, without ftp:// or a path.</source>
      <translation>{} « {} » n'est pas un nom d'hôte : indiquez un nom comme {} ou une adresse, sans ftp:// ni chemin.</translation>
    </message>
    <message>
      <location filename="../core/ftp/client.py" line="78" />
      <source>{} {} is not a TCP port: give a number from 1 to 65535 (FTP uses 21).</source>
      <translation>{} {} n'est pas un port TCP : indiquez un nombre de 1 à 65535 (FTP utilise 21).</translation>
    </message>
    <message>
      <location filename="../core/ftp/client.py" line="89" />
      <source>Cannot reach the FTP server {} ({}): check {} and the network.</source>
      <translation>Impossible de joindre le serveur FTP {} ({}) : vérifiez {} et le réseau.</translation>
    </message>
    <message>
      <location filename="../core/ftp/client.py" line="99" />
      <source>The FTP server {} refused the anonymous login ({}): it needs an account, which the toolbox's algorithm 'Download orthophotos or MNS from FTP, by area' takes (user name and password).</source>
      <translation>Le serveur FTP {} a refusé la connexion anonyme ({}) : il demande un compte, que l'algorithme « Télécharger des orthophotos ou le MNS par FTP, par zone » de la boîte à outils accepte (nom d'utilisateur et mot de passe).</translation>
    </message>
    <message>
      <location filename="../core/ftp/client.py" line="103" />
      <source>The FTP server {} refused the login as '{}' ({}): check USER and PASSWORD, or leave both empty for anonymous access.</source>
      <translation>Le serveur FTP {} a refusé la connexion en tant que « {} » ({}) : vérifiez USER et PASSWORD, ou laissez-les vides pour un accès anonyme.</translation>
    </message>
    <message>
      <location filename="../core/ftp/client.py" line="108" />
      <source>The FTP server {} closed the connection during login ({}).</source>
      <translation>Le serveur FTP {} a fermé la connexion pendant l'identification ({}).</translation>
    </message>
    <message>
      <location filename="../core/ftp/client.py" line="257" />
      <source>failed: {} ({})</source>
      <translation>échec : {} ({})</translation>
    </message>
    <message>
      <location filename="../core/ftp/client.py" line="325" />
      <source>{} refused {} ({})</source>
      <translation>{} a refusé {} ({})</translation>
    </message>
    <message>
      <location filename="../core/ftp/client.py" line="333" />
      <source>got {} of {} bytes after {} attempts ({}); rerun to resume</source>
      <translation>{} octets reçus sur {} après {} essais ({}) ; relancez pour reprendre</translation>
    </message>
    <message>
      <location filename="../core/ftp/client.py" line="335" />
      <source>connection closed early</source>
      <translation>connexion fermée trop tôt</translation>
    </message>
    <message>
      <location filename="../core/ftp/client.py" line="361" />
      <source>the server sent more than the {} bytes it listed</source>
      <translation>le serveur a envoyé plus que les {} octets annoncés</translation>
    </message>
    <message>
      <location filename="../core/ftp/client.py" line="381" />
      <source>{} sent only {} bytes of {} in {:.0f} s (less than {} bytes in {:.0f} s): the transfer is stopped; the part received is kept, run again later to resume.</source>
      <translation>{} n'a envoyé que {} octets de {} en {:.0f} s (moins de {} octets en {:.0f} s) : le transfert est arrêté ; la partie reçue est gardée, relancez plus tard pour reprendre.</translation>
    </message>
    <message>
      <location filename="../core/ftp/download.py" line="40" />
      <source>The product folder name '{}' cannot be used as a local folder name.</source>
      <translation>Le nom de dossier de produit « {} » ne peut pas servir de nom de dossier local.</translation>
    </message>
    <message>
      <location filename="../core/ftp/download.py" line="63" />
      <source>{} has no tile in its data folder ({} other files): choose another product.</source>
      <translation>{} n'a aucune dalle dans son dossier de données ({} autres fichiers) : choisissez un autre produit.</translation>
    </message>
    <message>
      <location filename="../core/ftp/download.py" line="66" />
      <source>refused the remote name {!r}: it holds a path separator or '..'</source>
      <translation>nom distant {!r} refusé : il contient un séparateur de chemin ou « .. »</translation>
    </message>
    <message>
      <location filename="../core/ftp/download.py" line="75" />
      <source>footprints from {}</source>
      <translation>emprises tirées de {}</translation>
    </message>
    <message>
      <location filename="../core/ftp/download.py" line="77" />
      <source>No tile of {} intersects the area. The product covers {}. Choose an area there, or another product.</source>
      <translation>Aucune dalle de {} ne touche la zone. Le produit couvre {}. Choisissez une zone là, ou un autre produit.</translation>
    </message>
    <message>
      <location filename="../core/ftp/download.py" line="82" />
      <source>{:,} tile intersects the area, {}</source>
      <translation>{:,} dalle touche la zone, {}</translation>
    </message>
    <message>
      <location filename="../core/ftp/download.py" line="82" />
      <source>{:,} tiles intersect the area, {}</source>
      <translation>{:,} dalles touchent la zone, {}</translation>
    </message>
    <message>
      <location filename="../core/ftp/download.py" line="119" />
      <source>the index {} could not be fetched ({}): using the tile names</source>
      <translation>l'index {} n'a pas pu être récupéré ({}) : les noms des dalles sont utilisés</translation>
    </message>
    <message>
      <location filename="../core/ftp/download.py" line="126" />
      <source>the index {} cannot be used ({}): using the tile names</source>
      <translation>l'index {} est inutilisable ({}) : les noms des dalles sont utilisés</translation>
    </message>
    <message>
      <location filename="../core/ftp/download.py" line="129" />
      <source>the index {} names none of the tiles: using the tile names</source>
      <translation>l'index {} ne nomme aucune des dalles : les noms des dalles sont utilisés</translation>
    </message>
    <message>
      <location filename="../core/ftp/download.py" line="133" />
      <source>{:,} tile is not in the index: placed from its name</source>
      <translation>{:,} dalle absente de l'index : placée d'après son nom</translation>
    </message>
    <message>
      <location filename="../core/ftp/download.py" line="133" />
      <source>{:,} tiles are not in the index: placed from their names</source>
      <translation>{:,} dalles absentes de l'index : placées d'après leur nom</translation>
    </message>
    <message>
      <location filename="../core/ftp/download.py" line="136" />
      <source>the index {} (attribute '{}')</source>
      <translation>l'index {} (attribut « {} »)</translation>
    </message>
    <message>
      <location filename="../core/ftp/download.py" line="152" />
      <source>{} could not be fetched: {}</source>
      <translation>{} n'a pas pu être récupéré : {}</translation>
    </message>
    <message>
      <location filename="../core/ftp/download.py" line="159" />
      <source>cannot read the georeferencing of {} ({})</source>
      <translation>impossible de lire le géoréférencement de {} ({})</translation>
    </message>
    <message>
      <location filename="../core/ftp/download.py" line="162" />
      <source>the georeferencing of {} does not match its name: tiles are placed from their names, north-west corner, 1 km</source>
      <translation>le géoréférencement de {} ne correspond pas à son nom : les dalles sont placées d'après leur nom, coin nord-ouest, 1 km</translation>
    </message>
    <message>
      <location filename="../core/ftp/download.py" line="168" />
      <source>the tile names ({} corner, {:g} m tiles, as {} is georeferenced)</source>
      <translation>les noms des dalles (coin {}, dalles de {:g} m, comme {} est géoréférencé)</translation>
    </message>
    <message>
      <location filename="../core/ftp/download.py" line="184" />
      <source>{} holds no raster</source>
      <translation>{} ne contient aucun raster</translation>
    </message>
    <message>
      <location filename="../core/ftp/download.py" line="217" />
      <source>warning: {} is georeferenced at {} but its footprint says {}</source>
      <translation>attention : {} est géoréférencé en {} mais son emprise indique {}</translation>
    </message>
    <message>
      <location filename="../core/ftp/download.py" line="235" />
      <source>The tiles need {} but {} has {} free: free some space or choose another OUTPUT_FOLDER.</source>
      <translation>Les dalles demandent {} mais {} n'a que {} de libre : libérez de la place ou choisissez un autre OUTPUT_FOLDER.</translation>
    </message>
    <message>
      <location filename="../core/ftp/footprints.py" line="39" />
      <source>The index {} cannot be read: delete it to use the tile names instead.</source>
      <translation>L'index {} est illisible : supprimez-le pour utiliser plutôt les noms des dalles.</translation>
    </message>
    <message>
      <location filename="../core/ftp/products.py" line="82" />
      <source>reading {}</source>
      <translation>lecture de {}</translation>
    </message>
    <message>
      <location filename="../core/ftp/products.py" line="97" />
      <source>The server has no folder '{}' (it replied '{}'): {} to see its products.</source>
      <translation>Le serveur n'a pas de dossier « {} » (il a répondu « {} ») : {} pour voir ses produits.</translation>
    </message>
    <message>
      <location filename="../core/ftp/products.py" line="100" />
      <source>'{}' is not a product folder (it has no data/ folder): {} to see the product folders.</source>
      <translation>« {} » n'est pas un dossier de produit (il n'a pas de dossier data/) : {} pour voir les dossiers de produits.</translation>
    </message>
    <message>
      <location filename="../core/ftp/products.py" line="175" />
      <source>départements {}</source>
      <translation>départements {}</translation>
    </message>
    <message>
      <location filename="../core/ftp/products.py" line="178" />
      <source>x {:.0f}–{:.0f} km, y {:.0f}–{:.0f} km in EPSG:{}</source>
      <translation>x {:.0f}–{:.0f} km, y {:.0f}–{:.0f} km en EPSG:{}</translation>
    </message>
    <message>
      <location filename="../core/ftp/products.py" line="182" />
      <source>about {:.2f}–{:.2f}°E, {:.2f}–{:.2f}°N</source>
      <translation>environ {:.2f}–{:.2f}° E, {:.2f}–{:.2f}° N</translation>
    </message>
    <message>
      <location filename="../core/ftp/products.py" line="184" />
      <source>no tile it could place</source>
      <translation>aucune dalle qu'il ait pu placer</translation>
    </message>
    <message>
      <location filename="../core/http.py" line="173" />
      <source>the host name cannot be resolved: no network, or a wrong address</source>
      <translation>le nom d'hôte ne peut pas être résolu : pas de réseau, ou adresse erronée</translation>
    </message>
    <message>
      <location filename="../core/http.py" line="175" />
      <source>the connection was refused: nothing answers at that address and port</source>
      <translation>la connexion a été refusée : rien ne répond à cette adresse et sur ce port</translation>
    </message>
    <message>
      <location filename="../core/http.py" line="177" />
      <source>the connection timed out</source>
      <translation>le délai de connexion est dépassé</translation>
    </message>
    <message>
      <location filename="../core/http.py" line="180" />
      <source>the server accepted the connection but did not answer in time</source>
      <translation>le serveur a accepté la connexion mais n'a pas répondu à temps</translation>
    </message>
    <message>
      <location filename="../core/http.py" line="184" />
      <source>the network is unreachable</source>
      <translation>le réseau est inaccessible</translation>
    </message>
    <message>
      <location filename="../core/http.py" line="186" />
      <source>the secure connection failed (TLS)</source>
      <translation>la connexion sécurisée a échoué (TLS)</translation>
    </message>
    <message>
      <location filename="../core/http.py" line="188" />
      <source>the proxy refused or failed the connection</source>
      <translation>le proxy a refusé ou fait échouer la connexion</translation>
    </message>
    <message>
      <location filename="../core/http.py" line="198" />
      <source>the server cut its answer short</source>
      <translation>le serveur a coupé sa réponse avant la fin</translation>
    </message>
    <message>
      <location filename="../core/http.py" line="200" />
      <source>the server's answer cannot be decoded</source>
      <translation>la réponse du serveur ne peut pas être décodée</translation>
    </message>
    <message>
      <location filename="../core/http.py" line="202" />
      <source>the server did not answer in time</source>
      <translation>le serveur n'a pas répondu à temps</translation>
    </message>
    <message>
      <location filename="../core/http.py" line="204" />
      <source>the server redirects without end</source>
      <translation>le serveur redirige sans fin</translation>
    </message>
    <message>
      <location filename="../core/http.py" line="207" />
      <source>the address is not a valid web address</source>
      <translation>l'adresse n'est pas une adresse web valide</translation>
    </message>
    <message>
      <location filename="../core/http.py" line="209" />
      <source>the server does not answer</source>
      <translation>le serveur ne répond pas</translation>
    </message>
    <message>
      <location filename="../core/http.py" line="210" />
      <source>the request failed</source>
      <translation>la requête a échoué</translation>
    </message>
    <message>
      <location filename="../core/http.py" line="336" />
      <source>no complete answer within {:.0f} s</source>
      <translation>pas de réponse complète en {:.0f} s</translation>
    </message>
    <message>
      <location filename="../core/http.py" line="344" />
      <source>{} larger than {}</source>
      <translation>{} de plus de {}</translation>
    </message>
    <message>
      <location filename="../core/http.py" line="349" />
      <source>the body's {} encoding is broken</source>
      <translation>l'encodage {} du contenu est cassé</translation>
    </message>
    <message>
      <location filename="../core/http.py" line="464" />
      <source>no data for {:.0f} s</source>
      <translation>aucune donnée pendant {:.0f} s</translation>
    </message>
    <message>
      <location filename="../core/http.py" line="467" />
      <source>Connection broken: {!r}</source>
      <translation>Connexion interrompue : {!r}</translation>
    </message>
    <message>
      <location filename="../core/library/jobs.py" line="86" />
      <source>Plan '{}': its entries name several servers ({}) and an account (AUTHCFG) is given: add a top-level "source" naming the server the account is for.</source>
      <translation>Plan « {} » : ses entrées nomment plusieurs serveurs ({}) et un compte (AUTHCFG) est donné : ajoutez au premier niveau une « source » qui nomme le serveur du compte.</translation>
    </message>
    <message>
      <location filename="../core/library/jobs.py" line="109" />
      <source>Layer '{}': what its server sent cannot be read ({}): check the entry's source, or try again later.</source>
      <translation>Couche « {} » : ce que son serveur a envoyé est illisible ({}) : vérifiez la source de l'entrée, ou réessayez plus tard.</translation>
    </message>
    <message>
      <location filename="../core/library/jobs.py" line="124" />
      <source>a number out of range</source>
      <translation>un nombre hors limites</translation>
    </message>
    <message>
      <location filename="../core/library/jobs.py" line="126" />
      <source>nested too deep</source>
      <translation>une imbrication trop profonde</translation>
    </message>
    <message>
      <location filename="../core/library/jobs.py" line="127" />
      <source>a malformed value</source>
      <translation>une valeur mal formée</translation>
    </message>
    <message>
      <location filename="../core/library/jobs.py" line="283" />
      <source>Give the LIBRARY folder.</source>
      <translation>Indiquez le dossier LIBRARY.</translation>
    </message>
    <message>
      <location filename="../core/library/jobs.py" line="285" />
      <source>LIBRARY '{}' is a file, not a folder.</source>
      <translation>LIBRARY « {} » est un fichier, pas un dossier.</translation>
    </message>
    <message>
      <location filename="../core/library/merge.py" line="63" />
      <source>Give the MBTiles files to merge (INPUTS).</source>
      <translation>Indiquez les fichiers MBTiles à fusionner (INPUTS).</translation>
    </message>
    <message>
      <location filename="../core/library/merge.py" line="67" />
      <source>'{}' does not exist.</source>
      <translation>« {} » n'existe pas.</translation>
    </message>
    <message>
      <location filename="../core/library/merge.py" line="70" />
      <source>'{}' was not written by IGN Offline: only IGN Offline files (with their journal) can be merged.</source>
      <translation>« {} » n'a pas été écrit par IGN Hors ligne : seuls les fichiers d'IGN Hors ligne (avec leur journal) peuvent être fusionnés.</translation>
    </message>
    <message>
      <location filename="../core/library/merge.py" line="89" />
      <source>'{}' and '{}' hold different tiles ({} differ: {} vs {}); only files of the same layer, style, format and source are merged. Nothing was written.</source>
      <translation>« {} » et « {} » contiennent des tuiles différentes ({} diffèrent : {} contre {}) ; seuls des fichiers de même couche, style, format et source sont fusionnés. Rien n'a été écrit.</translation>
    </message>
    <message>
      <location filename="../core/library/merge.py" line="102" />
      <source>'{}' holds vector tiles (pbf) and '{}' raster tiles: vector and raster files are never merged. Merge the vector files of one layer together, and the raster files apart. Nothing was written.</source>
      <translation>« {} » contient des tuiles vectorielles (pbf) et « {} » des tuiles raster : fichiers vectoriels et raster ne sont jamais fusionnés. Fusionnez entre eux les fichiers vectoriels d'une même couche, et les fichiers raster à part. Rien n'a été écrit.</translation>
    </message>
    <message>
      <location filename="../core/library/merge.py" line="153" />
      <source>Give the OUTPUT .mbtiles file.</source>
      <translation>Indiquez le fichier .mbtiles OUTPUT.</translation>
    </message>
    <message>
      <location filename="../core/library/merge.py" line="154" />
      <source>a merge of MBTiles files</source>
      <translation>une fusion de fichiers MBTiles</translation>
    </message>
    <message>
      <location filename="../core/library/merge.py" line="168" />
      <source>Merging '{}' into '{}' failed ({}): {}.</source>
      <translation>La fusion de « {} » dans « {} » a échoué ({}) : {}.</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="147" />
      <source>Plan '{}': entries {} and {} both make {} but differ in source, style or format; a library holds one file per layer: give them the same source, style and format.</source>
      <translation>Plan '{}' : les entrées {} et {} produisent toutes deux {} mais diffèrent par la source, le style ou le format ; une bibliothèque a un seul fichier par couche : donnez-leur la même source, le même style et le même format.</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="161" />
      <source>Plan '{}', entry {}, field '{}': {}</source>
      <translation>Plan '{}', entrée {}, champ '{}' : {}</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="167" />
      <source>give a whole number from {} to {} (found {!r}).</source>
      <translation>donnez un nombre entier de {} à {} (trouvé : {!r}).</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="170" />
      <source>{} is outside {}-{}.</source>
      <translation>{} est hors de {}-{}.</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="179" />
      <source>give the number of days between refreshes, e.g. 30 (0: at every run; null: never; found {!r}).</source>
      <translation>donnez le nombre de jours entre deux rafraîchissements, par ex. 30 (0 : à chaque exécution ; null : jamais ; trouvé {!r}).</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="194" />
      <source>the area of entry {}</source>
      <translation>la zone de l'entrée {}</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="202" />
      <source>give a preset ({}), a polygon file or a GeoJSON polygon.</source>
      <translation>donnez une zone prédéfinie ({}), un fichier de polygones ou un polygone GeoJSON.</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="210" />
      <source>unknown preset '{}': use one of {}, a polygon file or a GeoJSON polygon.</source>
      <translation>zone prédéfinie '{}' inconnue : utilisez l'une de {}, un fichier de polygones ou un polygone GeoJSON.</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="215" />
      <source>the polygon file '{}'</source>
      <translation>le fichier de polygones '{}'</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="245" />
      <source>Plan '{}' is larger than {} MB: a plan lists entries; give large areas as polygon files next to it.</source>
      <translation>Le plan '{}' dépasse {} Mo : un plan liste des entrées ; donnez les grandes zones en fichiers de polygones à côté de lui.</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="248" />
      <source>Plan '{}' nests arrays or objects more than {} deep: it is not a plan.</source>
      <translation>Le plan '{}' imbrique des tableaux ou des objets sur plus de {} niveaux : ce n'est pas un plan.</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="254" />
      <source>Plan '{}' is not valid JSON (broken at line {}, column {}): correct it in a text editor.</source>
      <translation>Le plan « {} » n'est pas du JSON valide (erreur à la ligne {}, colonne {}) : corrigez-le dans un éditeur de texte.</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="257" />
      <source>Plan '{}' must be a JSON object with "source" and "entries".</source>
      <translation>Le plan '{}' doit être un objet JSON avec « source » et « entries ».</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="261" />
      <source>Plan '{}' has no "entries": give a list of {{"layer", "area", "zoom_min", "zoom_max"}}.</source>
      <translation>Le plan '{}' n'a pas d'« entries » : donnez une liste de {{"layer", "area", "zoom_min", "zoom_max"}}.</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="265" />
      <source>Plan '{}', field '{}': {}</source>
      <translation>Plan '{}', champ '{}' : {}</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="270" />
      <source>Plan '{}', entry {}: an entry is a JSON object.</source>
      <translation>Plan '{}', entrée {} : une entrée est un objet JSON.</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="290" />
      <source>unknown field; an entry has {}.</source>
      <translation>champ inconnu ; une entrée a {}.</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="294" />
      <source>give the layer identifier, e.g. GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2.</source>
      <translation>donnez l'identifiant de la couche, par exemple GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2.</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="298" />
      <source>no source: give "source" at the top of the plan or in the entry.</source>
      <translation>pas de source : donnez « source » en tête du plan ou dans l'entrée.</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="302" />
      <source>{} is greater than zoom_max {}: swap them.</source>
      <translation>{} est plus grand que zoom_max {} : inversez-les.</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="306" />
      <source>give text (or leave it out for the layer's own).</source>
      <translation>donnez du texte (ou omettez-le pour garder celui de la couche).</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="317" />
      <source>unknown field; a dataset entry has {}.</source>
      <translation>champ inconnu ; une entrée de jeu de données a {}.</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="322" />
      <source>unknown dataset {!r}: use one of {}.</source>
      <translation>jeu de données {!r} inconnu : utilisez l'un de {}.</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="331" />
      <source>{} has no variant {!r}: use {}.</source>
      <translation>{} n'a pas de variante {!r} : utilisez {}.</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="337" />
      <source>give true or false (found {!r}).</source>
      <translation>donnez true ou false (trouvé {!r}).</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="342" />
      <source>give the interval between contour lines in metres, e.g. 10 (found {!r}).</source>
      <translation>donnez l'équidistance des courbes de niveau en mètres, par exemple 10 (trouvé {!r}).</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="346" />
      <source>give the download service's address, e.g. {} (found {!r}).</source>
      <translation>donnez l'adresse du service de téléchargement, par exemple {} (trouvé {!r}).</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="358" />
      <source>The plan '{}' does not exist: give a JSON plan file.</source>
      <translation>Le plan '{}' n'existe pas : donnez un fichier de plan JSON.</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="363" />
      <source>The plan '{}' cannot be read: {}.</source>
      <translation>Le plan '{}' ne peut pas être lu : {}.</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="462" />
      <source>Too many areas named '{}' in {}: remove some or rename the area.</source>
      <translation>Trop de zones nommées '{}' dans {} : supprimez-en ou renommez la zone.</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="538" />
      <source>The folder '{}' cannot be created ({}): choose a folder you can write to.</source>
      <translation>Le dossier '{}' ne peut pas être créé ({}) : choisissez un dossier où vous pouvez écrire.</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="574" />
      <source>SHARD '{}' must read i/n, e.g. 2/3 (this machine's part among 3).</source>
      <translation>SHARD '{}' doit s'écrire i/n, par exemple 2/3 (la part de cette machine sur 3).</translation>
    </message>
    <message>
      <location filename="../core/library/plans.py" line="576" />
      <source>SHARD '{}': i must be from 1 to n (e.g. 1/3, 2/3, 3/3).</source>
      <translation>SHARD '{}' : i doit aller de 1 à n (par exemple 1/3, 2/3, 3/3).</translation>
    </message>
    <message>
      <location filename="../core/library/refresh.py" line="128" />
      <source>a record of the library's refreshes</source>
      <translation>le relevé des rafraîchissements de la bibliothèque</translation>
    </message>
    <message>
      <location filename="../core/library/refresh.py" line="206" />
      <source>the report of the library's refreshes</source>
      <translation>le rapport des rafraîchissements de la bibliothèque</translation>
    </message>
    <message>
      <location filename="../core/library/refresh.py" line="260" />
      <source>{}: tiles new {:,}, changed {:,}, gone {:,}, unchanged {:,}; {} received.</source>
      <translation>{} : tuiles nouvelles {:,}, modifiées {:,}, disparues {:,}, inchangées {:,} ; {} reçus.</translation>
    </message>
    <message>
      <location filename="../core/library/refresh.py" line="262" />
      <source>Entry {} ({}): files new {:,}, changed {:,}; {} received.</source>
      <translation>Entrée {} ({}) : fichiers nouveaux {:,}, modifiés {:,} ; {} reçus.</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/files.py" line="122" />
      <source>'{}' is a folder, not an MBTiles file: give a file name.</source>
      <translation>« {} » est un dossier, pas un fichier MBTiles : indiquez un nom de fichier.</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/files.py" line="128" />
      <source>'{}' exists and is not an MBTiles file: IGN Offline leaves it untouched. Choose another output file.</source>
      <translation>« {} » existe et n'est pas un fichier MBTiles : IGN Hors ligne n'y touche pas. Choisissez un autre fichier de sortie.</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/files.py" line="138" />
      <source>'{}' is a damaged SQLite file ({}).</source>
      <translation>« {} » est un fichier SQLite endommagé ({}).</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/files.py" line="143" />
      <source>'{}' already holds other data (not written by IGN Offline): it is left untouched. Choose another output file.</source>
      <translation>« {} » contient déjà d'autres données (non écrites par IGN Hors ligne) : il n'est pas modifié. Choisissez un autre fichier de sortie.</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/files.py" line="161" />
      <source>The disk holding {} is full: {:,} tiles are stored; free space and run again to resume.</source>
      <translation>Le disque qui contient {} est plein : {:,} tuile(s) enregistrée(s) ; libérez de la place et relancez pour reprendre.</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/files.py" line="168" />
      <source>'{}' is damaged ({}): it cannot be read. Copy it again from a good copy, or download it again.</source>
      <translation>« {} » est endommagé ({}) : il est illisible. Recopiez-le depuis une bonne copie, ou téléchargez-le à nouveau.</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/files.py" line="180" />
      <source>A disk filled up while '{}' was read: the file is sound, but SQLite found no room for its temporary files (in the system's temporary folder). Free some space, then run again.</source>
      <translation>Un disque s'est rempli pendant la lecture de « {} » : le fichier est intact, mais SQLite n'a plus de place pour ses fichiers temporaires (dans le dossier temporaire du système). Libérez de la place, puis relancez.</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/files.py" line="215" />
      <source>'{}' is a folder, not an MBTiles file.</source>
      <translation>« {} » est un dossier, pas un fichier MBTiles.</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/files.py" line="217" />
      <source>'{}' {}: give an MBTiles file.</source>
      <translation>« {} » {} : indiquez un fichier MBTiles.</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/files.py" line="222" />
      <source>'{}' is not a readable MBTiles file: it is empty (0 bytes); copy it again.</source>
      <translation>« {} » n'est pas un fichier MBTiles lisible : il est vide (0 octet) ; recopiez-le.</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/files.py" line="224" />
      <source>'{}' is not a readable MBTiles file: it is not an SQLite database; give a .mbtiles file.</source>
      <translation>« {} » n'est pas un fichier MBTiles lisible : ce n'est pas une base SQLite ; indiquez un fichier .mbtiles.</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/files.py" line="233" />
      <source>'{}' is not a readable MBTiles file: it holds no tiles table.</source>
      <translation>« {} » n'est pas un fichier MBTiles lisible : il n'a pas de table tiles.</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/hashes.py" line="50" />
      <source>Tile {}/{}/{} holds a number, not tile bytes: the file is not a valid MBTiles.</source>
      <translation>La tuile {}/{}/{} contient un nombre, pas les octets d'une tuile : le fichier n'est pas un MBTiles valide.</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/metadata.py" line="30" />
      <source>Tile format '{}' cannot be stored in MBTiles (png, jpg, webp or pbf).</source>
      <translation>Le format de tuile « {} » ne peut pas être enregistré en MBTiles (png, jpg, webp ou pbf).</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/metadata.py" line="77" />
      <source>missing '{}'</source>
      <translation>« {} » manquant</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/metadata.py" line="80" />
      <source>format '{}' is neither png, jpg, webp, pbf nor a media type</source>
      <translation>le format « {} » n'est ni png, jpg, webp, pbf ni un type de média</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/metadata.py" line="87" />
      <source>{} '{}' is not an integer</source>
      <translation>{} « {} » n'est pas un entier</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/metadata.py" line="94" />
      <source>bounds '{}' are not a WGS84 box</source>
      <translation>les limites « {} » ne sont pas un rectangle WGS84</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/metadata.py" line="96" />
      <source>bounds '{}' are not four numbers</source>
      <translation>les limites « {} » ne sont pas quatre nombres</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/metadata.py" line="100" />
      <source>center '{}' is not lon,lat,zoom</source>
      <translation>le centre « {} » n'est pas lon,lat,zoom</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/metadata.py" line="102" />
      <source>type '{}' is neither overlay nor baselayer</source>
      <translation>le type « {} » n'est ni overlay ni baselayer</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/patches.py" line="301" />
      <source>PATCH '{}' does not exist: give a patch made by make_patch (or martin's mbtiles diff).</source>
      <translation>PATCH « {} » n'existe pas : donnez un correctif fait par make_patch (ou par mbtiles diff de martin).</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/patches.py" line="318" />
      <source>'{}' is not a readable patch ({}).</source>
      <translation>« {} » n'est pas un correctif lisible ({}).</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/patches.py" line="320" />
      <source>'{}' is not a whole-tile patch (a flat `tiles` table): make it with make_patch, or with martin's `mbtiles diff` without --patch-type.</source>
      <translation>« {} » n'est pas un correctif à tuiles entières (une table `tiles` simple) : faites-le avec make_patch, ou avec `mbtiles diff` de martin sans --patch-type.</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/patches.py" line="323" />
      <source>'{}' is damaged: its tile {}/{}/{} is not a tile ({} data). Nothing was written; make the patch again.</source>
      <translation>« {} » est endommagé : sa tuile {}/{}/{} n'est pas une tuile (données {}). Rien n'a été écrit ; refaites le correctif.</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/patches.py" line="348" />
      <source>'{}' has no '{}' and '{}': it cannot tell which file it applies to. Make it again with make_patch (or force it with FORCE).</source>
      <translation>« {} » n'a pas de « {} » ni de « {} » : il ne peut pas dire à quel fichier il s'applique. Refaites-le avec make_patch (ou forcez-le avec FORCE).</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/patches.py" line="350" />
      <source>a patch applied to {}</source>
      <translation>un correctif appliqué à {}</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/patches.py" line="354" />
      <source>'{}' could not be patched ({}): it is left as it was.</source>
      <translation>« {} » n'a pas pu être corrigé ({}) : il est laissé tel quel.</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/patches.py" line="366" />
      <source>'{}' is not an MBTiles this patch can update (neither a `tiles` table nor IGN Offline's images and map).</source>
      <translation>« {} » n'est pas un MBTiles que ce correctif peut mettre à jour (ni une table `tiles`, ni les tables images et map d'IGN Offline).</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/patches.py" line="373" />
      <source>'{}' has no agg_tiles_hash: nothing says it is the copy the patch was made for. Export it again, or apply with FORCE.</source>
      <translation>« {} » n'a pas d'agg_tiles_hash : rien ne dit que c'est la copie pour laquelle le correctif a été fait. Exportez-le de nouveau, ou appliquez avec FORCE.</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/patches.py" line="375" />
      <source>'{}' is not the copy '{}' was made for (its agg_tiles_hash is {}, the patch expects {}): it was patched already, or changed. Nothing was written.</source>
      <translation>« {} » n'est pas la copie pour laquelle « {} » a été fait (son agg_tiles_hash est {}, le correctif attend {}) : il a déjà été corrigé, ou il a changé. Rien n'a été écrit.</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/patches.py" line="387" />
      <source>Applying '{}' to '{}' gave agg_tiles_hash {}, not the patch's {}: the copy's tiles are not what its stored hash says (changed on the device since it was written), or the patch is damaged. Nothing was written (the copy is left as it was): copy a fresh export to the device.</source>
      <translation>Appliquer « {} » à « {} » a donné l'agg_tiles_hash {}, pas celui du correctif ({}) : les tuiles de la copie ne sont pas ce que dit son empreinte enregistrée (modifiées sur l'appareil depuis leur écriture), ou le correctif est abîmé. Rien n'a été écrit (la copie est laissée telle quelle) : copiez un export récent sur l'appareil.</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/patches.py" line="469" />
      <source>Tile {}/{}/{} of '{}' did not read back as the patch wrote it: nothing was written (the copy is left as it was).</source>
      <translation>La tuile {}/{}/{} de « {} » ne se relit pas telle que le correctif l'a écrite : rien n'a été écrit (la copie reste telle qu'elle était).</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/reader.py" line="33" />
      <source>'{}' is not a readable MBTiles file ({}).</source>
      <translation>« {} » n'est pas un fichier MBTiles lisible ({}).</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/scopes.py" line="97" />
      <source>'{}' does not say what it was exported from (no '{}' in its metadata): it was not made by IGN Offline's export_tiles, or by an older version. Export it again, copy it to the device once, then patches can update it.</source>
      <translation>« {} » ne dit pas de quoi il a été exporté (pas de « {} » dans ses métadonnées) : il n'a pas été fait par export_tiles d'IGN Offline, ou par une version plus ancienne. Exportez-le de nouveau, copiez-le une fois sur l'appareil, puis les correctifs pourront le mettre à jour.</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/scopes.py" line="115" />
      <source>a part's bound is not z/x/y</source>
      <translation>la borne d'une partie n'est pas de la forme z/x/y</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/scopes.py" line="117" />
      <source>The export scope of '{}' cannot be read ({}): export it again.</source>
      <translation>L'étendue d'export de « {} » ne peut pas être lue ({}) : exportez-le de nouveau.</translation>
    </message>
    <message>
      <location filename="../core/mbtiles/writer.py" line="59" />
      <source>writing tiles</source>
      <translation>l'écriture de tuiles</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="78" />
      <source>{}° E</source>
      <translation>{}° E</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="78" />
      <source>{}° W</source>
      <translation>{}° O</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="78" />
      <source>{}° N</source>
      <translation>{}° N</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="78" />
      <source>{}° S</source>
      <translation>{}° S</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="101" />
      <source>{} – {}, {} – {}</source>
      <translation>{} – {} ; {} – {}</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="107" />
      <source>the connection was refused</source>
      <translation>la connexion a été refusée</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="108" />
      <source>the file system is read-only</source>
      <translation>le système de fichiers est en lecture seule</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="109" />
      <source>permission denied</source>
      <translation>permission refusée</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="111" />
      <source>no space left on the disk</source>
      <translation>plus de place sur le disque</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="112" />
      <source>no such file or folder</source>
      <translation>fichier ou dossier introuvable</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="113" />
      <source>no answer in time</source>
      <translation>pas de réponse à temps</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="114" />
      <source>the machine cannot be reached</source>
      <translation>la machine est injoignable</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="115" />
      <source>the network cannot be reached</source>
      <translation>le réseau est injoignable</translation>
    </message>
    <message>
      <location filename="../core/messages.py" line="116" />
      <source>the connection was cut</source>
      <translation>la connexion a été coupée</translation>
    </message>
    <message>
      <location filename="../core/names.py" line="22" />
      <source>'{}' is no file name</source>
      <translation>« {} » n'est pas un nom de fichier</translation>
    </message>
    <message>
      <location filename="../core/names.py" line="24" />
      <source>a '/' or '\' would make it a path</source>
      <translation>un « / » ou un « \ » en ferait un chemin</translation>
    </message>
    <message>
      <location filename="../core/names.py" line="26" />
      <source>a ':' is a drive letter or a stream on Windows</source>
      <translation>un « : » désigne un lecteur ou un flux sous Windows</translation>
    </message>
    <message>
      <location filename="../core/names.py" line="28" />
      <source>Windows refuses the characters {} in a file name</source>
      <translation>Windows refuse les caractères {} dans un nom de fichier</translation>
    </message>
    <message>
      <location filename="../core/names.py" line="30" />
      <source>it holds a control character</source>
      <translation>il contient un caractère de contrôle</translation>
    </message>
    <message>
      <location filename="../core/names.py" line="32" />
      <source>Windows keeps that name for a device</source>
      <translation>Windows réserve ce nom à un périphérique</translation>
    </message>
    <message>
      <location filename="../core/names.py" line="34" />
      <source>Windows drops a trailing dot or space</source>
      <translation>Windows supprime un point ou une espace final</translation>
    </message>
    <message>
      <location filename="../core/names.py" line="36" />
      <source>{} characters, over {}</source>
      <translation>{} caractères, plus de {}</translation>
    </message>
    <message>
      <location filename="../core/rasters.py" line="30" />
      <source>GDAL cannot open {} ({}).</source>
      <translation>GDAL ne peut pas ouvrir {} ({}).</translation>
    </message>
    <message>
      <location filename="../core/rasters.py" line="53" />
      <source>No raster to build {} from.</source>
      <translation>Aucun raster pour construire {}.</translation>
    </message>
    <message>
      <location filename="../core/rasters.py" line="59" />
      <source>GDAL could not build {}.</source>
      <translation>GDAL n'a pas pu construire {}.</translation>
    </message>
    <message>
      <location filename="../core/resp.py" line="75" />
      <source>REDIS_URL '{}' is not a Redis address: give redis://host:6379/0 (or rediss:// for TLS).</source>
      <translation>REDIS_URL « {} » n'est pas une adresse Redis : donnez redis://hôte:6379/0 (ou rediss:// pour TLS).</translation>
    </message>
    <message>
      <location filename="../core/resp.py" line="164" />
      <source>TLS handshake failed</source>
      <translation>échec de la négociation TLS</translation>
    </message>
    <message>
      <location filename="../core/resp.py" line="266" />
      <source>password refused</source>
      <translation>mot de passe refusé</translation>
    </message>
    <message>
      <location filename="../core/resp.py" line="267" />
      <source>the server refused the command ({})</source>
      <translation>le serveur a refusé la commande ({})</translation>
    </message>
    <message>
      <location filename="../core/resp.py" line="269" />
      <source>not a Redis reply</source>
      <translation>pas une réponse Redis</translation>
    </message>
    <message>
      <location filename="../core/resp.py" line="273" />
      <source>address not found</source>
      <translation>adresse introuvable</translation>
    </message>
    <message>
      <location filename="../core/resp.py" line="275" />
      <source>TLS error</source>
      <translation>erreur TLS</translation>
    </message>
    <message>
      <location filename="../core/resp.py" line="277" />
      <source>connection refused</source>
      <translation>connexion refusée</translation>
    </message>
    <message>
      <location filename="../core/resp.py" line="279" />
      <source>connection closed</source>
      <translation>connexion fermée</translation>
    </message>
    <message>
      <location filename="../core/resp.py" line="280" />
      <source>network error</source>
      <translation>erreur réseau</translation>
    </message>
    <message>
      <location filename="../core/sources/accounts.py" line="76" />
      <source>SOURCE carries an API key and the account '{}' another one: give the key once, in the account (AUTHCFG) or in SOURCE.</source>
      <translation>SOURCE porte une clé d'API et le compte « {} » une autre : donnez la clé une seule fois, dans le compte (AUTHCFG) ou dans SOURCE.</translation>
    </message>
    <message>
      <location filename="../core/sources/accounts.py" line="189" />
      <source>The OAuth2 configuration '{}' uses a grant IGN Offline does not support ({}): use the resource-owner (password), client-credentials or authorization-code grant.</source>
      <translation>La configuration OAuth2 « {} » utilise un type d'autorisation qu'IGN Hors ligne ne prend pas en charge ({}) : utilisez resource-owner (mot de passe), client-credentials ou authorization-code.</translation>
    </message>
    <message>
      <location filename="../core/sources/accounts.py" line="285" />
      <source>The sign-in server of '{}' gave no complete answer within {} s: try again later.</source>
      <translation>Le serveur d'identification de « {} » n'a pas donné de réponse complète en {} s : réessayez plus tard.</translation>
    </message>
    <message>
      <location filename="../core/sources/accounts.py" line="288" />
      <source>The sign-in server of '{}' {}: try again later (the configuration itself may be fine).</source>
      <translation>Le serveur d'identification de « {} » {} : réessayez plus tard (la configuration elle-même est peut-être bonne).</translation>
    </message>
    <message>
      <location filename="../core/sources/accounts.py" line="291" />
      <source>The sign-in server of '{}' cannot be reached ({}): check the network.</source>
      <translation>Le serveur d'identification de « {} » est injoignable ({}) : vérifiez le réseau.</translation>
    </message>
    <message>
      <location filename="../core/sources/accounts.py" line="312" />
      <source>The sign-in of the authentication configuration '{}' was refused ({}): check its user, password or client secret in Settings › Options › Authentication.</source>
      <translation>L'identification de la configuration d'authentification « {} » a été refusée ({}) : vérifiez son utilisateur, son mot de passe ou son secret client dans Préférences › Options › Authentification.</translation>
    </message>
    <message>
      <location filename="../core/sources/accounts.py" line="322" />
      <source>The OAuth2 configuration '{}' has no authorization URL (requestUrl).</source>
      <translation>La configuration OAuth2 « {} » n'a pas d'URL d'autorisation (requestUrl).</translation>
    </message>
    <message>
      <location filename="../core/sources/accounts.py" line="324" />
      <source>The OAuth2 configuration '{}' signs in through a browser: use 'Sign in' in the dock, or a resource-owner or client-credentials configuration for batch runs.</source>
      <translation>La configuration OAuth2 « {} » s'identifie dans un navigateur : utilisez « Se connecter » dans le panneau, ou une configuration resource-owner ou client-credentials pour les traitements par lots.</translation>
    </message>
    <message>
      <location filename="../core/sources/accounts.py" line="337" />
      <source>The sign-in of '{}' did not complete ({}).</source>
      <translation>L'identification de « {} » n'a pas abouti ({}).</translation>
    </message>
    <message>
      <location filename="../core/sources/accounts.py" line="389" />
      <source>sent an answer larger than {}</source>
      <translation>a envoyé une réponse de plus de {}</translation>
    </message>
    <message>
      <location filename="../core/sources/accounts.py" line="392" />
      <source>answered HTTP {} {}</source>
      <translation>a répondu HTTP {} {}</translation>
    </message>
    <message>
      <location filename="../core/sources/accounts.py" line="428" />
      <source>No sign-in came back within {} s.</source>
      <translation>Aucune identification n'est revenue en {} s.</translation>
    </message>
    <message>
      <location filename="../core/sources/policies.py" line="95" />
      <source>{} parallel requests at most</source>
      <translation>{} requêtes en parallèle au plus</translation>
    </message>
    <message>
      <location filename="../core/sources/policies.py" line="98" />
      <source>{:g} requests/s at most</source>
      <translation>{:g} requêtes/s au plus</translation>
    </message>
    <message>
      <location filename="../core/sources/policies.py" line="100" />
      <source>{}: {} ({}).</source>
      <translation>{} : {} ({}).</translation>
    </message>
    <message>
      <location filename="../core/sources/policies.py" line="113" />
      <source>{:,} tiles (the policy allows {:,} at most)</source>
      <translation>{:,} tuiles (la politique en autorise {:,} au plus)</translation>
    </message>
    <message>
      <location filename="../core/sources/policies.py" line="115" />
      <source>zoom {} (refused from zoom {})</source>
      <translation>zoom {} (refusé à partir du zoom {})</translation>
    </message>
    <message>
      <location filename="../core/sources/policies.py" line="116" />
      <source>Refused before any request: {} — see {}. This job asks for {}. Nothing was downloaded. For maps of this area offline, use a provider that allows offline use (often with a key), the Géoplateforme's IGN maps, or render OpenStreetMap data yourself (e.g. from a Geofabrik extract).</source>
      <translation>Refusé avant toute requête : {} — voir {}. Cette tâche demande {}. Rien n'a été téléchargé. Pour des cartes de cette zone hors ligne, utilisez un fournisseur qui permet l'usage hors ligne (souvent avec une clé), les cartes IGN de la Géoplateforme, ou faites vous-même le rendu des données OpenStreetMap (par ex. depuis un extrait Geofabrik).</translation>
    </message>
    <message>
      <location filename="../core/sources/prepare.py" line="104" />
      <source>SOURCE '{}' is not an http(s) URL: give a WMTS endpoint such as https://data.geopf.fr/wmts, its capabilities document, or an XYZ template with {{z}}/{{x}}/{{y}} (or {{-y}} for TMS rows).</source>
      <translation>SOURCE « {} » n'est pas une URL http(s) : indiquez un point d'accès WMTS comme https://data.geopf.fr/wmts, son document de capacités, ou un modèle XYZ avec {{z}}/{{x}}/{{y}} (ou {{-y}} pour les lignes TMS).</translation>
    </message>
    <message>
      <location filename="../core/sources/prepare.py" line="132" />
      <source>SOURCE '{}' looks like a URL template but lacks {{z}}, {{x}} and {{y}} (or {{-y}}, or {{q}}): give an XYZ template, or a WMTS endpoint without placeholders.</source>
      <translation>SOURCE « {} » ressemble à un modèle d'URL mais il manque {{z}}, {{x}} et {{y}} (ou {{-y}}, ou {{q}}) : indiquez un modèle XYZ, ou un point d'accès WMTS sans variables.</translation>
    </message>
    <message>
      <location filename="../core/sources/prepare.py" line="135" />
      <source>Give the LAYER to download, e.g. GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2 (the capabilities of {} list them).</source>
      <translation>Indiquez la couche LAYER à télécharger, par ex. GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2 (les capacités de {} les listent).</translation>
    </message>
    <message>
      <location filename="../core/sources/prepare.py" line="141" />
      <source>Layer '{}' has no style '{}'; it has: {}.</source>
      <translation>La couche « {} » n'a pas de style « {} » ; elle a : {}.</translation>
    </message>
    <message>
      <location filename="../core/sources/prepare.py" line="144" />
      <source>Layer '{}' is not served as '{}'; it is served as: {}.</source>
      <translation>La couche « {} » n'est pas servie en « {} » ; elle est servie en : {}.</translation>
    </message>
    <message>
      <location filename="../core/sources/prepare.py" line="157" />
      <source>Tiles of {} come from {}: fetched without your account.</source>
      <translation>Les tuiles de {} viennent de {} : récupérées sans votre compte.</translation>
    </message>
    <message>
      <location filename="../core/sources/prepare.py" line="178" />
      <source>The capabilities at {} give no way to request tiles of layer '{}' as {}: no ResourceURL template and no KVP GetTile address.</source>
      <translation>Les capacités de {} ne donnent aucun moyen de demander des tuiles de la couche « {} » en {} : ni modèle ResourceURL ni adresse GetTile KVP.</translation>
    </message>
    <message>
      <location filename="../core/sources/prepare.py" line="194" />
      <source>The capabilities of {} did not arrive within {:.0f} s: the server is stalled or too slow; try again later. Nothing was stored.</source>
      <translation>Les capacités de {} ne sont pas arrivées en {:.0f} s : le serveur est bloqué ou trop lent ; réessayez plus tard. Rien n'a été enregistré.</translation>
    </message>
    <message>
      <location filename="../core/sources/prepare.py" line="198" />
      <source>{} answered {} {} to GetCapabilities.</source>
      <translation>{} a répondu {} {} à GetCapabilities.</translation>
    </message>
    <message>
      <location filename="../core/sources/prepare.py" line="222" />
      <source>Cannot reach {} ({}): check the address and the network; nothing was stored.</source>
      <translation>Impossible de joindre {} ({}) : vérifiez l'adresse et le réseau ; rien n'a été enregistré.</translation>
    </message>
    <message>
      <location filename="../core/sources/prepare.py" line="227" />
      <source> the authentication configuration '{}' was refused</source>
      <translation> la configuration d'authentification « {} » a été refusée</translation>
    </message>
    <message>
      <location filename="../core/sources/prepare.py" line="230" />
      <source>{} answered {} {}:{}. Nothing was downloaded.</source>
      <translation>{} a répondu {} {} :{}. Rien n'a été téléchargé.</translation>
    </message>
    <message>
      <location filename="../core/sources/prepare.py" line="240" />
      <source>SOURCE names the TMS layer '{}' but LAYER is '{}': give the layer once (SOURCE {} and LAYER {}).</source>
      <translation>SOURCE nomme la couche TMS « {} » mais LAYER vaut « {} » : donnez la couche une seule fois (SOURCE {} et LAYER {}).</translation>
    </message>
    <message>
      <location filename="../core/sources/prepare.py" line="246" />
      <source>Give the LAYER to download from the TMS service {}; its vector tile layers are: {}.</source>
      <translation>Indiquez la couche (LAYER) à télécharger depuis le service TMS {} ; ses couches de tuiles vectorielles sont : {}.</translation>
    </message>
    <message>
      <location filename="../core/sources/prepare.py" line="249" />
      <source>The TMS service {} is read for its vector tiles (pbf) only; FORMAT '{}' cannot be asked (raster layers come from the WMTS, https://data.geopf.fr/wmts).</source>
      <translation>Le service TMS {} n'est lu que pour ses tuiles vectorielles (pbf) ; le FORMAT « {} » ne peut pas être demandé (les couches raster viennent du WMTS, https://data.geopf.fr/wmts).</translation>
    </message>
    <message>
      <location filename="../core/sources/prepare.py" line="254" />
      <source>The metadata of layer '{}' at {} did not arrive within {:.0f} s: the server is stalled or too slow; try again later. Nothing was stored.</source>
      <translation>Les métadonnées de la couche « {} » sur {} ne sont pas arrivées en {:.0f} s : le serveur est bloqué ou trop lent ; réessayez plus tard. Rien n'a été enregistré.</translation>
    </message>
    <message>
      <location filename="../core/sources/prepare.py" line="260" />
      <source>{} answered {} {} to the metadata of layer '{}'.</source>
      <translation>{} a répondu {} {} aux métadonnées de la couche « {} ».</translation>
    </message>
    <message>
      <location filename="../core/sources/prepare.py" line="286" />
      <source>The TMS service document of {} did not arrive within {:.0f} s: the server is stalled or too slow; try again later. Nothing was stored.</source>
      <translation>Le document du service TMS de {} n'est pas arrivé en {:.0f} s : le serveur est bloqué ou trop lent ; réessayez plus tard. Rien n'a été enregistré.</translation>
    </message>
    <message>
      <location filename="../core/sources/prepare.py" line="290" />
      <source>{} answered {} {} to the TMS service document.</source>
      <translation>{} a répondu {} {} au document du service TMS.</translation>
    </message>
    <message>
      <location filename="../core/sources/wmts.py" line="153" />
      <source> Did you mean {}?</source>
      <translation> Vouliez-vous dire {} ?</translation>
    </message>
    <message>
      <location filename="../core/sources/wmts.py" line="154" />
      <source>The server has no layer '{}'.{} Its capabilities list {:,} layers.</source>
      <translation>Le serveur n'a pas de couche « {} ».{} Ses capacités listent {:,} couches.</translation>
    </message>
    <message>
      <location filename="../core/sources/wmts.py" line="171" />
      <source>Layer '{}' is not served on the Web Mercator grid (EPSG:3857, 256-pixel tiles from the standard origin) that MBTiles needs; its tile matrix sets are: {}.</source>
      <translation>La couche « {} » n'est pas servie sur la grille Web Mercator (EPSG:3857, tuiles de 256 pixels depuis l'origine standard) dont MBTiles a besoin ; ses jeux de matrices de tuiles sont : {}.</translation>
    </message>
    <message>
      <location filename="../core/sources/wmts.py" line="262" />
      <source>The server's answer is not a WMTS capabilities document ({}).</source>
      <translation>La réponse du serveur n'est pas un document de capacités WMTS ({}).</translation>
    </message>
    <message>
      <location filename="../core/sources/wmts.py" line="264" />
      <source>The server refused GetCapabilities: {}</source>
      <translation>Le serveur a refusé GetCapabilities : {}</translation>
    </message>
    <message>
      <location filename="../core/sources/wmts.py" line="268" />
      <source>The server's answer is not a WMTS 1.0.0 capabilities document.</source>
      <translation>La réponse du serveur n'est pas un document de capacités WMTS 1.0.0.</translation>
    </message>
    <message>
      <location filename="../core/storage.py" line="24" />
      <source>The folder '{}' does not exist: create it or choose another.</source>
      <translation>Le dossier « {} » n'existe pas : créez-le ou choisissez-en un autre.</translation>
    </message>
    <message>
      <location filename="../core/storage.py" line="31" />
      <source>The folder '{}' is not writable ({}): choose a folder you can write to.</source>
      <translation>Le dossier « {} » n'est pas accessible en écriture ({}) : choisissez un dossier où vous pouvez écrire.</translation>
    </message>
    <message>
      <location filename="../core/storage.py" line="49" />
      <source>The folder</source>
      <translation>Le dossier</translation>
    </message>
    <message>
      <location filename="../core/storage.py" line="67" />
      <source>{} '{}' cannot be made: '{}' is a file; choose a folder.</source>
      <translation>{} « {} » ne peut pas être créé : « {} » est un fichier ; choisissez un dossier.</translation>
    </message>
    <message>
      <location filename="../core/storage.py" line="74" />
      <source>The folder '{}' cannot be made: '{}' takes no files ({}). Choose a folder you can write to.</source>
      <translation>Le dossier « {} » ne peut pas être créé : « {} » n'accepte aucun fichier ({}). Choisissez un dossier où vous pouvez écrire.</translation>
    </message>
    <message>
      <location filename="../core/storage.py" line="117" />
      <source>'{}' cannot be written ({}): choose a folder you can write to.</source>
      <translation>'{}' ne peut pas être écrit ({}) : choisissez un dossier où vous pouvez écrire.</translation>
    </message>
    <message>
      <location filename="../core/storage.py" line="136" />
      <source>{} '{}' is the same file as the input '{}': writing it would destroy what is read. Choose a new file (the inputs are only read).</source>
      <translation>{} « {} » est le même fichier que l'entrée « {} » : l'écrire détruirait ce qui est lu. Choisissez un nouveau fichier (les entrées ne sont que lues).</translation>
    </message>
    <message>
      <location filename="../core/storage.py" line="170" />
      <source>a run of IGN Offline</source>
      <translation>une exécution d'IGN Hors ligne</translation>
    </message>
    <message>
      <location filename="../core/storage.py" line="211" />
      <source>Cannot lock '{}' ({}): choose another output file.</source>
      <translation>Impossible de verrouiller « {} » ({}) : choisissez un autre fichier de sortie.</translation>
    </message>
    <message>
      <location filename="../core/storage.py" line="230" />
      <source>'{}' is not a lock file of IGN Offline ({}): remove it, then run again.</source>
      <translation>« {} » n'est pas un fichier de verrou d'IGN Hors ligne ({}) : supprimez-le, puis relancez.</translation>
    </message>
    <message>
      <location filename="../core/storage.py" line="313" />
      <source>{} — {} process {} on {}, since {}</source>
      <translation>{} — {}, processus {} sur {}, depuis {}</translation>
    </message>
    <message>
      <location filename="../core/storage.py" line="317" />
      <source>a run that is just starting</source>
      <translation>une exécution qui vient de démarrer</translation>
    </message>
    <message>
      <location filename="../core/storage.py" line="318" />
      <source>'{}' is being written by another run ({}): wait for it to end, or choose another output file.</source>
      <translation>« {} » est en cours d'écriture par une autre exécution ({}) : attendez qu'elle se termine, ou choisissez un autre fichier de sortie.</translation>
    </message>
    <message>
      <location filename="../core/text.py" line="31" />
      <source>{:.0f} minutes</source>
      <translation>{:.0f} minutes</translation>
    </message>
    <message>
      <location filename="../core/text.py" line="32" />
      <source>{:.0f} s</source>
      <translation>{:.0f} s</translation>
    </message>
    <message>
      <location filename="../core/tiles/areas.py" line="80" />
      <source>Unknown area '{}'. Use one of: {} (or give an extent instead).</source>
      <translation>Zone « {} » inconnue. Utilisez l'une de : {} (ou donnez plutôt une emprise).</translation>
    </message>
    <message>
      <location filename="../core/tiles/areas.py" line="88" />
      <source>The extent is empty: draw or type an extent with a width and a height.</source>
      <translation>L'emprise est vide : dessinez ou saisissez une emprise qui a une largeur et une hauteur.</translation>
    </message>
    <message>
      <location filename="../core/tiles/areas.py" line="90" />
      <source>The extent is empty or inverted ({:g}, {:g}, {:g}, {:g}): west must be less than east and south less than north.</source>
      <translation>L'emprise est vide ou inversée ({:g} ; {:g} ; {:g} ; {:g}) : l'ouest doit être inférieur à l'est et le sud au nord.</translation>
    </message>
    <message>
      <location filename="../core/tiles/areas.py" line="95" />
      <source>The extent ({:g}, {:g}, {:g}, {:g}) is outside longitude -180..180 / latitude -90..90: check its coordinate reference system.</source>
      <translation>L'emprise ({:g} ; {:g} ; {:g} ; {:g}) sort de longitude -180..180 / latitude -90..90 : vérifiez son système de coordonnées de référence.</translation>
    </message>
    <message>
      <location filename="../core/tiles/areas.py" line="100" />
      <source>The extent lies beyond the Web Mercator latitude limit (±85.05°).</source>
      <translation>L'emprise est au-delà de la limite de latitude de Web Mercator (±85,05°).</translation>
    </message>
    <message>
      <location filename="../core/tiles/areas.py" line="101" />
      <source>Extent</source>
      <translation>Emprise</translation>
    </message>
    <message>
      <location filename="../core/tiles/areas.py" line="127" />
      <source>The extent {} crosses the antimeridian (from {} to {} through 180°), which one extent cannot hold: run twice, with {} and {}.</source>
      <translation>L'emprise « {} » traverse l'antiméridien (de {} à {} en passant par 180°), ce qu'une seule emprise ne peut pas contenir : lancez deux fois, avec « {} » et « {} ».</translation>
    </message>
    <message>
      <location filename="../core/tiles/areas.py" line="132" />
      <source>The extent {} is inverted: give it as xmin,xmax,ymin,ymax with xmin &lt; xmax and ymin &lt; ymax.</source>
      <translation>L'emprise « {} » est inversée : donnez-la sous la forme xmin,xmax,ymin,ymax avec xmin &lt; xmax et ymin &lt; ymax.</translation>
    </message>
    <message>
      <location filename="../core/tiles/areas.py" line="160" />
      <source>{:,} tiles</source>
      <translation>{:,} tuiles</translation>
    </message>
    <message>
      <location filename="../core/tiles/areas.py" line="160" />
      <source>at least {:,} tiles</source>
      <translation>au moins {:,} tuiles</translation>
    </message>
    <message>
      <location filename="../core/tiles/areas.py" line="161" />
      <source>about {}</source>
      <translation>environ {}</translation>
    </message>
    <message>
      <location filename="../core/tiles/areas.py" line="161" />
      <source>about {} or more</source>
      <translation>environ {} ou plus</translation>
    </message>
    <message>
      <location filename="../core/tiles/areas.py" line="162" />
      <source>at {} a tile as measured in the layer's file</source>
      <translation>à {} par tuile, mesurée dans le fichier de la couche</translation>
    </message>
    <message>
      <location filename="../core/tiles/areas.py" line="163" />
      <source>at {} kB a typical tile</source>
      <translation>à {} ko par tuile typique</translation>
    </message>
    <message>
      <location filename="../core/tiles/areas.py" line="173" />
      <source>over {:,} tiles</source>
      <translation>plus de {:,} tuiles</translation>
    </message>
    <message>
      <location filename="../core/tiles/areas.py" line="174" />
      <source>more than the free space</source>
      <translation>plus que l'espace libre</translation>
    </message>
    <message>
      <location filename="../core/tiles/areas.py" line="176" />
      <source>This job is {} ({}), {} {}, and the disk holding {} has {} free.</source>
      <translation>Cette tâche fait {} ({}), {} {}, et le disque qui contient {} a {} de libre.</translation>
    </message>
    <message>
      <location filename="../core/tiles/areas.py" line="202" />
      <source>Unknown zoom band '{}'. Use one of: {}.</source>
      <translation>Plage de zooms « {} » inconnue. Utilisez l'une de : {}.</translation>
    </message>
    <message>
      <location filename="../core/tiles/bodies.py" line="32" />
      <source>truncated body ({} of {} bytes)</source>
      <translation>contenu tronqué ({} octets sur {})</translation>
    </message>
    <message>
      <location filename="../core/tiles/bodies.py" line="40" />
      <source>not an image ({}: {!r})</source>
      <translation>pas une image ({} : {!r})</translation>
    </message>
    <message>
      <location filename="../core/tiles/bodies.py" line="42" />
      <source>content type {} but the bytes are {}</source>
      <translation>type de contenu {} mais les octets sont du {}</translation>
    </message>
    <message>
      <location filename="../core/tiles/bodies.py" line="44" />
      <source>{} received where {} was asked</source>
      <translation>{} reçu alors que {} était demandé</translation>
    </message>
    <message>
      <location filename="../core/tiles/grid.py" line="33" />
      <source>The minimum zoom {} is outside {}-{}: pick a zoom level in that range.</source>
      <translation>Le zoom minimal {} est hors de {}-{} : choisissez un niveau de zoom dans cet intervalle.</translation>
    </message>
    <message>
      <location filename="../core/tiles/grid.py" line="36" />
      <source>The maximum zoom {} is outside {}-{}: pick a zoom level in that range.</source>
      <translation>Le zoom maximal {} est hors de {}-{} : choisissez un niveau de zoom dans cet intervalle.</translation>
    </message>
    <message>
      <location filename="../core/tiles/grid.py" line="39" />
      <source>The minimum zoom ({}) is greater than the maximum zoom ({}): swap them.</source>
      <translation>Le zoom minimum ({}) est plus grand que le zoom maximum ({}) : inversez-les.</translation>
    </message>
    <message>
      <location filename="../core/tiles/polygons.py" line="72" />
      <source>{} is not a valid polygon (self-intersecting?): check it.</source>
      <translation>{} n'est pas un polygone valide (auto-intersection ?) : vérifiez-le.</translation>
    </message>
    <message>
      <location filename="../core/tiles/polygons.py" line="79" />
      <source>{} cannot be converted to Web Mercator: check its coordinate reference system.</source>
      <translation>{} ne peut pas être converti en Web Mercator : vérifiez son système de coordonnées de référence.</translation>
    </message>
    <message>
      <location filename="../core/tiles/polygons.py" line="125" />
      <source>{} must be a GeoJSON Polygon or MultiPolygon in longitude/latitude.</source>
      <translation>{} doit être un Polygon ou MultiPolygon GeoJSON en longitude/latitude.</translation>
    </message>
    <message>
      <location filename="../core/tiles/polygons.py" line="131" />
      <source>{} is not a valid GeoJSON polygon (check its coordinates).</source>
      <translation>{} n'est pas un polygone GeoJSON valide (vérifiez ses coordonnées).</translation>
    </message>
    <message>
      <location filename="../core/tiles/polygons.py" line="135" />
      <source>{} holds no polygon within Web Mercator's latitudes (±85°).</source>
      <translation>{} ne contient aucun polygone dans les latitudes de Web Mercator (±85°).</translation>
    </message>
    <message>
      <location filename="../core/tiles/polygons.py" line="146" />
      <source>{} is not a vector file GDAL can read (GeoPackage, GeoJSON, Shapefile…).</source>
      <translation>{} n'est pas un fichier vecteur lisible par GDAL (GeoPackage, GeoJSON, Shapefile…).</translation>
    </message>
    <message>
      <location filename="../core/tiles/polygons.py" line="161" />
      <source>{} holds no polygon: give a file of polygons (areas), not points or lines.</source>
      <translation>{} ne contient aucun polygone : indiquez un fichier de polygones (des zones), pas de points ni de lignes.</translation>
    </message>
    <message>
      <location filename="../core/tiles/polygons.py" line="186" />
      <source>The area layer holds no polygon: choose a layer of polygons (areas).</source>
      <translation>La couche de zone ne contient aucun polygone : choisissez une couche de polygones (des zones).</translation>
    </message>
    <message>
      <location filename="../core/vector/documents.py" line="22" />
      <source>check its address (an error page?)</source>
      <translation>vérifiez son adresse (une page d'erreur ?)</translation>
    </message>
    <message>
      <location filename="../core/vector/documents.py" line="23" />
      <source>the file is damaged: save it again</source>
      <translation>le fichier est endommagé : enregistrez-le à nouveau</translation>
    </message>
    <message>
      <location filename="../core/vector/documents.py" line="50" />
      <source>{} is not JSON (it is not UTF-8 text): {}.</source>
      <translation>{} n'est pas du JSON (ce n'est pas du texte UTF-8) : {}.</translation>
    </message>
    <message>
      <location filename="../core/vector/documents.py" line="52" />
      <source>{} holds the number {}, which is not a finite number: {}.</source>
      <translation>{} contient le nombre {}, qui n'est pas un nombre fini : {}.</translation>
    </message>
    <message>
      <location filename="../core/vector/documents.py" line="55" />
      <source>{} is not JSON (broken at line {}, column {}): {}.</source>
      <translation>{} n'est pas du JSON (erreur à la ligne {}, colonne {}) : {}.</translation>
    </message>
    <message>
      <location filename="../core/vector/documents.py" line="61" />
      <source>{} nests arrays or objects more than {} deep: it is not a document the plugin reads.</source>
      <translation>{} imbrique des tableaux ou des objets sur plus de {} niveaux : ce n'est pas un document que l'extension sait lire.</translation>
    </message>
    <message>
      <location filename="../core/vector/documents.py" line="86" />
      <source>it is not a JSON object</source>
      <translation>ce n'est pas un objet JSON</translation>
    </message>
    <message>
      <location filename="../core/vector/documents.py" line="88" />
      <source>it has no 'layers' list</source>
      <translation>il n'a pas de liste « layers »</translation>
    </message>
    <message>
      <location filename="../core/vector/documents.py" line="91" />
      <source>its 'sources' is not an object</source>
      <translation>son « sources » n'est pas un objet</translation>
    </message>
    <message>
      <location filename="../core/vector/documents.py" line="94" />
      <source>its source '{}' is not an object with a type</source>
      <translation>sa source « {} » n'est pas un objet avec un type</translation>
    </message>
    <message>
      <location filename="../core/vector/documents.py" line="96" />
      <source>the 'url' of its source '{}' is not text</source>
      <translation>le « url » de sa source « {} » n'est pas du texte</translation>
    </message>
    <message>
      <location filename="../core/vector/documents.py" line="99" />
      <source>the 'tiles' of its source '{}' is not a list of addresses</source>
      <translation>le « tiles » de sa source « {} » n'est pas une liste d'adresses</translation>
    </message>
    <message>
      <location filename="../core/vector/documents.py" line="103" />
      <source>its layer {} {}</source>
      <translation>sa couche {} {}</translation>
    </message>
    <message>
      <location filename="../core/vector/documents.py" line="109" />
      <source>is not an object</source>
      <translation>n'est pas un objet</translation>
    </message>
    <message>
      <location filename="../core/vector/documents.py" line="111" />
      <source>has no text 'id' and 'type'</source>
      <translation>n'a pas de texte « id » et « type »</translation>
    </message>
    <message>
      <location filename="../core/vector/documents.py" line="114" />
      <source>'{}': its '{}' is not text</source>
      <translation>« {} » : son « {} » n'est pas du texte</translation>
    </message>
    <message>
      <location filename="../core/vector/documents.py" line="117" />
      <source>'{}': its '{}' is not an object</source>
      <translation>« {} » : son « {} » n'est pas un objet</translation>
    </message>
    <message>
      <location filename="../core/vector/documents.py" line="119" />
      <source>'{}': its 'filter' is not an expression</source>
      <translation>« {} » : son « filter » n'est pas une expression</translation>
    </message>
    <message>
      <location filename="../core/vector/documents.py" line="122" />
      <source>'{}': its '{}' is not a number</source>
      <translation>« {} » : son « {} » n'est pas un nombre</translation>
    </message>
    <message>
      <location filename="../core/vector/documents.py" line="129" />
      <source>it is not a JSON object of icons</source>
      <translation>ce n'est pas un objet JSON d'icônes</translation>
    </message>
    <message>
      <location filename="../core/vector/documents.py" line="132" />
      <source>its icon '{}' is not an object</source>
      <translation>son icône « {} » n'est pas un objet</translation>
    </message>
    <message>
      <location filename="../core/vector/documents.py" line="136" />
      <source>the '{}' of its icon '{}' is not a number from 0 to {}</source>
      <translation>le « {} » de son icône « {} » n'est pas un nombre de 0 à {}</translation>
    </message>
    <message>
      <location filename="../core/vector/documents.py" line="138" />
      <source>the 'pixelRatio' of its icon '{}' is not a number above 0 and up to 8</source>
      <translation>le « pixelRatio » de son icône « {} » n'est pas un nombre supérieur à 0 et au plus égal à 8</translation>
    </message>
    <message>
      <location filename="../core/vector/mvt.py" line="57" />
      <source>broken gzip ({})</source>
      <translation>gzip corrompu ({})</translation>
    </message>
    <message>
      <location filename="../core/vector/mvt.py" line="59" />
      <source>larger than {:,} bytes once decompressed</source>
      <translation>plus de {:,} octets une fois décompressée</translation>
    </message>
    <message>
      <location filename="../core/vector/mvt.py" line="61" />
      <source>truncated gzip</source>
      <translation>gzip tronqué</translation>
    </message>
    <message>
      <location filename="../core/vector/mvt.py" line="69" />
      <source>truncated varint</source>
      <translation>entier variable tronqué</translation>
    </message>
    <message>
      <location filename="../core/vector/mvt.py" line="85" />
      <source>field number 0</source>
      <translation>numéro de champ 0</translation>
    </message>
    <message>
      <location filename="../core/vector/mvt.py" line="91" />
      <source>length past the end</source>
      <translation>longueur au-delà de la fin</translation>
    </message>
    <message>
      <location filename="../core/vector/mvt.py" line="95" />
      <source>truncated fixed field</source>
      <translation>champ de taille fixe tronqué</translation>
    </message>
    <message>
      <location filename="../core/vector/mvt.py" line="98" />
      <source>wire type {}</source>
      <translation>type de codage {}</translation>
    </message>
    <message>
      <location filename="../core/vector/mvt.py" line="109" />
      <source>layer field is not a message</source>
      <translation>le champ de couche n'est pas un message</translation>
    </message>
    <message>
      <location filename="../core/vector/mvt.py" line="117" />
      <source>a layer without name or version</source>
      <translation>une couche sans nom ou sans version</translation>
    </message>
    <message>
      <location filename="../core/vector/mvt.py" line="127" />
      <source>not a vector tile ({})</source>
      <translation>pas une tuile vectorielle ({})</translation>
    </message>
    <message>
      <location filename="../core/vector/mvt.py" line="132" />
      <source>no layer</source>
      <translation>aucune couche</translation>
    </message>
    <message>
      <location filename="../core/vector/mvt.py" line="137" />
      <source>not a vector tile ({}: {!r})</source>
      <translation>pas une tuile vectorielle ({} : {!r})</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="98" />
      <source>No style is saved for {}: save its styles with 'Save vector tile styles'.</source>
      <translation>Aucun style n'est enregistré pour {} : enregistrez ses styles avec « Enregistrer les styles de tuiles vectorielles ».</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="100" />
      <source>The style '{}' is not saved for {}: saved styles: {}. Save it with 'Save vector tile styles'.</source>
      <translation>Le style « {} » n'est pas enregistré pour {} : styles enregistrés : {}. Enregistrez-le avec « Enregistrer les styles de tuiles vectorielles ».</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="276" />
      <source>not in {}/</source>
      <translation>pas dans {}/</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="278" />
      <source>The style '{}' names its sprite '{}', which is not a sprite it saved ({}): save the styles again.</source>
      <translation>Le style « {} » nomme son sprite « {} », qui n'est pas un sprite qu'il a enregistré ({}) : enregistrez de nouveau les styles.</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="281" />
      <source>The sprite '{}'</source>
      <translation>Le sprite « {} »</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="285" />
      <source>The sprite of the style '{}' cannot be read ({}): save the styles again.</source>
      <translation>Le sprite du style « {} » est illisible ({}) : enregistrez à nouveau les styles.</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="289" />
      <source>{} is not a sprite's definitions ({}): save the styles again.</source>
      <translation>{} ne contient pas les définitions d'un sprite ({}) : enregistrez à nouveau les styles.</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="291" />
      <source>The sprite image '{}' is missing: save the styles again.</source>
      <translation>L'image du sprite « {} » manque : enregistrez à nouveau les styles.</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="299" />
      <source>The sprite image '{}' is refused ({}): save the styles again.</source>
      <translation>L'image du sprite « {} » est refusée ({}) : enregistrez à nouveau les styles.</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="310" />
      <source>it is not a PNG image</source>
      <translation>ce n'est pas une image PNG</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="313" />
      <source>{} x {} pixels, over {:,} pixels</source>
      <translation>{} x {} pixels, plus de {:,} pixels</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="320" />
      <source>{} is larger than {} MB: it is no style the plugin saved; save the styles again.</source>
      <translation>{} dépasse {} Mo : ce n'est pas un style enregistré par l'extension ; enregistrez à nouveau les styles.</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="328" />
      <source>The style '{}'</source>
      <translation>Le style « {} »</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="332" />
      <source>The style '{}' cannot be read ({}).</source>
      <translation>Le style « {} » est illisible ({}).</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="340" />
      <source>{} is not a Mapbox GL style ({}): check the style name, or save the styles again.</source>
      <translation>{} n'est pas un style Mapbox GL ({}) : vérifiez le nom du style, ou enregistrez à nouveau les styles.</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="367" />
      <source>{}; {}: {}</source>
      <translation>{} ; {} : {}</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="372" />
      <source>{}; {}</source>
      <translation>{} ; {}</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="373" />
      <source>{} style of {} not saved: {}</source>
      <translation>{} style de {} non enregistré : {}</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="373" />
      <source>{} styles of {} not saved: {}</source>
      <translation>{} styles de {} non enregistrés : {}</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="399" />
      <source>Style '{}' not saved: {}</source>
      <translation>Style « {} » non enregistré : {}</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="402" />
      <source>Style '{}': its sources {} are not in the library and were left out (they would need the network).</source>
      <translation>Style « {} » : ses sources {} ne sont pas dans la bibliothèque et ont été retirées (elles demanderaient le réseau).</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="404" />
      <source>Style '{}' saved: {}</source>
      <translation>Style « {} » enregistré : {}</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="427" />
      <source>'{}' cannot be a style's file name ({}): give the style's name as IGN publishes it.</source>
      <translation>« {} » ne peut pas être le nom de fichier d'un style ({}) : donnez le nom du style tel que l'IGN le publie.</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="430" />
      <source>the style '{}' of {}</source>
      <translation>le style « {} » de {}</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="432" />
      <source>The style {} ({})</source>
      <translation>Le style {} ({})</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="460" />
      <source>The style {} names its sprite '{}', which cannot be a file name ({}): nothing was saved from it. Check the style's address: a sprite is named plainly (PlanIgn).</source>
      <translation>Le style {} nomme son sprite « {} », qui ne peut pas être un nom de fichier ({}) : rien n'en a été enregistré. Vérifiez l'adresse du style : un sprite a un nom simple (PlanIgn).</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="477" />
      <source>the sprite file {}</source>
      <translation>le fichier de sprite {}</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="481" />
      <source>The sprite {} has no {} (high-resolution screens use the normal one).</source>
      <translation>Le sprite {} n'a pas de {} (les écrans haute résolution utilisent le normal).</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="484" />
      <source>{} sent something else than a PNG image for {}: nothing more was saved.</source>
      <translation>{} a envoyé autre chose qu'une image PNG pour {} : rien de plus n'a été enregistré.</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="488" />
      <source>{} sent a sprite image that is refused for {} ({}): nothing more was saved.</source>
      <translation>{} a envoyé une image de sprite refusée pour {} ({}) : rien de plus n'a été enregistré.</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="491" />
      <source>The sprite file {}</source>
      <translation>Le fichier de sprite {}</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="494" />
      <source>{} is not a sprite's definitions ({}): nothing more was saved.</source>
      <translation>{} ne contient pas les définitions d'un sprite ({}) : rien de plus n'a été enregistré.</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="510" />
      <source>{} did not arrive within {:.0f} s from {}: try again later.</source>
      <translation>{} n'est pas arrivé en {:.0f} s depuis {} : réessayez plus tard.</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="513" />
      <source>{} sent {}: check the address.</source>
      <translation>{} a envoyé {} : vérifiez l'adresse.</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="515" />
      <source>Cannot reach {} ({}): check the address and the network.</source>
      <translation>Impossible de joindre {} ({}) : vérifiez l'adresse et le réseau.</translation>
    </message>
    <message>
      <location filename="../core/vector/styles.py" line="520" />
      <source>{} answered {} {} for {}: check the layer and style names (and the account for a private layer).</source>
      <translation>{} a répondu {} {} pour {} : vérifiez les noms de la couche et du style (et le compte pour une couche privée).</translation>
    </message>
    <message>
      <location filename="../core/vector/tms.py" line="123" />
      <source>The server's answer is not a TMS service document (broken XML at line {}, column {}).</source>
      <translation>La réponse du serveur n'est pas un document de service TMS (XML erroné à la ligne {}, colonne {}).</translation>
    </message>
    <message>
      <location filename="../core/vector/tms.py" line="126" />
      <source>The server's answer is not a TMS 1.0.0 service document.</source>
      <translation>La réponse du serveur n'est pas un document de service TMS 1.0.0.</translation>
    </message>
    <message>
      <location filename="../core/vector/tms.py" line="145" />
      <source>The metadata of TMS layer '{}' has unreadable bounds: they are not four numbers (west, south, east, north).</source>
      <translation>Les métadonnées de la couche TMS « {} » ont une emprise illisible : ce ne sont pas quatre nombres (ouest, sud, est, nord).</translation>
    </message>
    <message>
      <location filename="../core/vector/tms.py" line="149" />
      <source>The metadata of TMS layer '{}' has unreadable bounds: they enclose no area (west must be less than east, south less than north).</source>
      <translation>Les métadonnées de la couche TMS « {} » ont une emprise illisible : elle n'entoure aucune surface (l'ouest doit être inférieur à l'est, le sud au nord).</translation>
    </message>
    <message>
      <location filename="../core/vector/tms.py" line="162" />
      <source>The metadata of TMS layer '{}' has unreadable zooms: its '{}' is not a whole number.</source>
      <translation>Les métadonnées de la couche TMS « {} » ont des zooms illisibles : son « {} » n'est pas un nombre entier.</translation>
    </message>
    <message>
      <location filename="../core/vector/tms.py" line="171" />
      <source>The metadata of TMS layer '{}'</source>
      <translation>Le fichier de métadonnées de la couche TMS « {} »</translation>
    </message>
    <message>
      <location filename="../core/vector/tms.py" line="173" />
      <source>The metadata of TMS layer '{}' is not a JSON object.</source>
      <translation>Les métadonnées de la couche TMS « {} » ne sont pas un objet JSON.</translation>
    </message>
    <message>
      <location filename="../core/vector/tms.py" line="176" />
      <source>The metadata of TMS layer '{}' (its 'json')</source>
      <translation>Le fichier de métadonnées de la couche TMS « {} » (son « json »)</translation>
    </message>
    <message>
      <location filename="../core/vector/tms.py" line="180" />
      <source>TMS layer '{}' lists no vector layers in its metadata.json: it is not a vector tile layer (download raster layers from the WMTS, https://data.geopf.fr/wmts).</source>
      <translation>La couche TMS « {} » ne liste aucune couche vectorielle dans son metadata.json : ce n'est pas une couche de tuiles vectorielles (téléchargez les couches raster depuis le WMTS, https://data.geopf.fr/wmts).</translation>
    </message>
    <message>
      <location filename="../core/vector/tms.py" line="188" />
      <source>The metadata of TMS layer '{}' has unreadable zooms ({}).</source>
      <translation>Les métadonnées de la couche TMS « {} » ont des zooms illisibles ({}).</translation>
    </message>
    <message>
      <location filename="../core/vector/tms.py" line="191" />
      <source>The metadata of TMS layer '{}': its 'tiles' is not a list of addresses.</source>
      <translation>Les métadonnées de la couche TMS « {} » : leur « tiles » n'est pas une liste d'adresses.</translation>
    </message>
    <message>
      <location filename="../core/vector/tms.py" line="204" />
      <source> It serves as vector tiles: {}.</source>
      <translation> Il sert en tuiles vectorielles : {}.</translation>
    </message>
    <message>
      <location filename="../core/vector/tms.py" line="205" />
      <source>The TMS service {} has no vector tile layer '{}'.{}</source>
      <translation>Le service TMS {} n'a pas de couche de tuiles vectorielles « {} ».{}</translation>
    </message>
    <message>
      <location filename="../plugin.py" line="54" />
      <source>IGN Offline</source>
      <translation>IGN Hors ligne</translation>
    </message>
    <message>
      <location filename="../plugin.py" line="55" />
      <source>Show or hide the IGN Offline panel</source>
      <translation>Afficher ou masquer le panneau IGN Hors ligne</translation>
    </message>
    <message>
      <location filename="../toolbelt/areas.py" line="10" />
      <source>points</source>
      <translation>des points</translation>
    </message>
    <message>
      <location filename="../toolbelt/areas.py" line="10" />
      <source>lines</source>
      <translation>des lignes</translation>
    </message>
    <message>
      <location filename="../toolbelt/areas.py" line="11" />
      <source>no geometry</source>
      <translation>aucune géométrie</translation>
    </message>
    <message>
      <location filename="../toolbelt/areas.py" line="18" />
      <source>The layer '{}' holds {}: give a polygon layer as AREA_LAYER.</source>
      <translation>La couche « {} » contient {} : donnez une couche de polygones comme AREA_LAYER.</translation>
    </message>
    <message>
      <location filename="../toolbelt/areas.py" line="19" />
      <source>no polygon</source>
      <translation>aucun polygone</translation>
    </message>
    <message>
      <location filename="../toolbelt/areas.py" line="37" />
      <source>A polygon of '{}' cannot be converted to Web Mercator from {}: {}</source>
      <translation>Un polygone de « {} » ne peut pas être converti en Web Mercator depuis {} : {}</translation>
    </message>
    <message>
      <location filename="../toolbelt/areas.py" line="42" />
      <source>'{}' has no polygon (no feature, or none selected): choose a layer of polygons, or select some.</source>
      <translation>« {} » n'a aucun polygone (aucune entité, ou aucune sélectionnée) : choisissez une couche de polygones, ou sélectionnez-en.</translation>
    </message>
    <message>
      <location filename="../toolbelt/areas.py" line="56" />
      <source>The extent cannot be converted to longitude/latitude from {}: {}</source>
      <translation>L'emprise ne peut pas être convertie en longitude/latitude depuis {} : {}</translation>
    </message>
    <message>
      <location filename="../toolbelt/areas.py" line="69" />
      <source>The area cannot be converted from {} to {}: {}</source>
      <translation>La zone ne peut pas être convertie de {} vers {} : {}</translation>
    </message>
    <message>
      <location filename="../toolbelt/auth.py" line="19" />
      <source>The authentication configuration '{}' cannot be read: check it in Settings › Options › Authentication.</source>
      <translation>La configuration d'authentification « {} » ne peut pas être lue : vérifiez-la dans Préférences › Options › Authentification.</translation>
    </message>
    <message>
      <location filename="../toolbelt/auth.py" line="52" />
      <source>The authentication configuration '{}' holds no key: put the API key in its password field (user left empty), or a login and password.</source>
      <translation>La configuration d'authentification « {} » ne contient aucune clé : mettez la clé d'API dans son champ mot de passe (utilisateur laissé vide), ou un identifiant et un mot de passe.</translation>
    </message>
    <message>
      <location filename="../toolbelt/auth.py" line="65" />
      <source>The authentication configuration '{}' holds no header: add one (e.g. apikey).</source>
      <translation>La configuration d'authentification « {} » ne contient aucun en-tête : ajoutez-en un (par exemple apikey).</translation>
    </message>
    <message>
      <location filename="../toolbelt/auth.py" line="68" />
      <source>The authentication configuration '{}' uses the {} method: IGN Offline takes Basic (a key, or a login), OAuth2 or API Header.</source>
      <translation>La configuration d'authentification « {} » utilise la méthode {} : IGN Hors ligne prend Basic (une clé, ou un identifiant), OAuth2 ou API Header.</translation>
    </message>
    <message>
      <location filename="../toolbelt/auth.py" line="77" />
      <source>The OAuth2 configuration '{}' cannot be read: edit it in Settings › Options › Authentication.</source>
      <translation>La configuration OAuth2 « {} » ne peut pas être lue : modifiez-la dans Préférences › Options › Authentification.</translation>
    </message>
    <message>
      <location filename="../toolbelt/auth.py" line="81" />
      <source>The OAuth2 configuration '{}' uses the implicit grant: choose 'Authorization Code' (the browser sign-in, with PKCE) or 'Resource Owner' (user and password).</source>
      <translation>La configuration OAuth2 « {} » utilise l'autorisation implicite : choisissez « Authorization Code » (la connexion dans le navigateur, avec PKCE) ou « Resource Owner » (utilisateur et mot de passe).</translation>
    </message>
    <message>
      <location filename="../toolbelt/auth.py" line="87" />
      <source>The OAuth2 configuration '{}' has no token URL.</source>
      <translation>La configuration OAuth2 « {} » n'a pas d'URL de jeton.</translation>
    </message>
    <message>
      <location filename="../toolbelt/dataset_results.py" line="15" />
      <source>{} — {}</source>
      <translation>{} — {}</translation>
    </message>
    <message>
      <location filename="../toolbelt/dataset_results.py" line="28" />
      <source>{} ({})</source>
      <translation>{} ({})</translation>
    </message>
    <message>
      <location filename="../toolbelt/datasets.py" line="48" />
      <source>Vegetation</source>
      <translation>Végétation</translation>
    </message>
    <message>
      <location filename="../toolbelt/datasets.py" line="49" />
      <source>Water surfaces</source>
      <translation>Surfaces en eau</translation>
    </message>
    <message>
      <location filename="../toolbelt/datasets.py" line="50" />
      <source>Communes</source>
      <translation>Communes</translation>
    </message>
    <message>
      <location filename="../toolbelt/datasets.py" line="51" />
      <source>Buildings</source>
      <translation>Bâtiments</translation>
    </message>
    <message>
      <location filename="../toolbelt/datasets.py" line="52" />
      <source>Rivers and streams</source>
      <translation>Cours d'eau</translation>
    </message>
    <message>
      <location filename="../toolbelt/datasets.py" line="53" />
      <source>Railways</source>
      <translation>Voies ferrées</translation>
    </message>
    <message>
      <location filename="../toolbelt/datasets.py" line="54" />
      <source>Roads</source>
      <translation>Routes</translation>
    </message>
    <message>
      <location filename="../toolbelt/datasets.py" line="55" />
      <source>Towns and villages</source>
      <translation>Villes et villages</translation>
    </message>
    <message>
      <location filename="../toolbelt/datasets.py" line="56" />
      <source>Place names</source>
      <translation>Lieux-dits</translation>
    </message>
    <message>
      <location filename="../toolbelt/datasets.py" line="57" />
      <source>Cadastral sheets</source>
      <translation>Feuilles cadastrales</translation>
    </message>
    <message>
      <location filename="../toolbelt/datasets.py" line="58" />
      <source>Parcels</source>
      <translation>Parcelles</translation>
    </message>
    <message>
      <location filename="../toolbelt/datasets.py" line="60" />
      <source>Slope (degrees)</source>
      <translation>Pente (degrés)</translation>
    </message>
    <message>
      <location filename="../toolbelt/datasets.py" line="61" />
      <source>Contour lines</source>
      <translation>Courbes de niveau</translation>
    </message>
    <message>
      <location filename="../toolbelt/datasets.py" line="62" />
      <source>Orthophotos</source>
      <translation>Orthophotos</translation>
    </message>
    <message>
      <location filename="../toolbelt/datasets.py" line="95" />
      <source>The layer {} of {} cannot be opened: it is left out.</source>
      <translation>La couche {} de {} ne peut pas être ouverte : elle est laissée de côté.</translation>
    </message>
    <message>
      <location filename="../toolbelt/datasets.py" line="135" />
      <source>QGIS cannot open {}.</source>
      <translation>QGIS ne peut pas ouvrir {}.</translation>
    </message>
    <message>
      <location filename="../toolbelt/datasets.py" line="261" />
      <source>Other</source>
      <translation>Autres</translation>
    </message>
    <message>
      <location filename="../toolbelt/helper_layers.py" line="35" />
      <source>{} cannot be written ({}): check that the folder is writable.</source>
      <translation>Impossible d'écrire {} ({}) : vérifiez que le dossier est accessible en écriture.</translation>
    </message>
    <message>
      <location filename="../toolbelt/helper_layers.py" line="50" />
      <source>{} cannot be read back: check that the folder is writable.</source>
      <translation>Impossible de relire {} : vérifiez que le dossier est accessible en écriture.</translation>
    </message>
    <message>
      <location filename="../toolbelt/layer_tree.py" line="75" />
      <source>{} (recovered from the cache)</source>
      <translation>{} (récupéré du cache)</translation>
    </message>
    <message>
      <location filename="../toolbelt/layers.py" line="56" />
      <source>GDAL cannot open {}.</source>
      <translation>GDAL ne peut pas ouvrir {}.</translation>
    </message>
    <message>
      <location filename="../toolbelt/layers.py" line="93" />
      <source>QGIS's {} algorithm is not available (the Processing plugin is not loaded): it draws vector tiles into raster tiles. Enable Processing, or export the vector tiles as mbtiles or pmtiles.</source>
      <translation>L'algorithme {} de QGIS n'est pas disponible (l'extension Traitements n'est pas chargée) : c'est lui qui dessine les tuiles vectorielles en tuiles raster. Activez Traitements, ou exportez les tuiles vectorielles en mbtiles ou pmtiles.</translation>
    </message>
    <message>
      <location filename="../toolbelt/layers.py" line="102" />
      <source>QGIS could not render {} into raster tiles.</source>
      <translation>QGIS n'a pas pu dessiner {} en tuiles raster.</translation>
    </message>
    <message>
      <location filename="../toolbelt/offline_copy.py" line="17" />
      <source>a temporary (memory) layer: its features are not saved in the project file; open the project in QGIS, or save the layer as a file first</source>
      <translation>une couche temporaire (mémoire) : ses entités ne sont pas enregistrées dans le fichier du projet ; ouvrez le projet dans QGIS, ou enregistrez d'abord la couche dans un fichier</translation>
    </message>
    <message>
      <location filename="../toolbelt/offline_copy.py" line="24" />
      <source>{}: temporary layer written → {} ({:,} feature)</source>
      <translation>{} : couche temporaire écrite → {} ({:,} entité)</translation>
    </message>
    <message>
      <location filename="../toolbelt/offline_copy.py" line="24" />
      <source>{}: temporary layer written → {} ({:,} features)</source>
      <translation>{} : couche temporaire écrite → {} ({:,} entités)</translation>
    </message>
    <message>
      <location filename="../toolbelt/vector_tiles.py" line="69" />
      <source>QGIS cannot open {} as vector tiles.</source>
      <translation>QGIS ne peut pas ouvrir {} comme tuiles vectorielles.</translation>
    </message>
    <message>
      <location filename="../toolbelt/vector_tiles.py" line="94" />
      <source>The style '{}' was not used: {}</source>
      <translation>Le style « {} » n'a pas été utilisé : {}</translation>
    </message>
    <message>
      <location filename="../toolbelt/vector_tiles.py" line="109" />
      <source>The style '{}' draws none of the layers of {}: it is made for other data; choose a style saved for this file.</source>
      <translation>Le style « {} » ne dessine aucune des couches de {} : il est fait pour d'autres données ; choisissez un style enregistré pour ce fichier.</translation>
    </message>
    <message>
      <location filename="../toolbelt/vector_tiles.py" line="148" />
      <source>The sprite image '{}' cannot be read: save the styles again.</source>
      <translation>L'image du sprite « {} » est illisible : enregistrez à nouveau les styles.</translation>
    </message>
    <message>
      <location filename="../toolbelt/vector_tiles.py" line="152" />
      <source>The style '{}' cannot be converted: {}</source>
      <translation>Le style « {} » ne peut pas être converti : {}</translation>
    </message>
    <message>
      <location filename="../ui/area_canvas.py" line="101" />
      <source>Area: {}</source>
      <translation>Zone : {}</translation>
    </message>
    <message>
      <location filename="../ui/area_choices.py" line="16" />
      <source>Toulouse</source>
      <translation>Toulouse</translation>
    </message>
    <message>
      <location filename="../ui/area_choices.py" line="16" />
      <source>Pyrénées (caves)</source>
      <translation>Pyrénées (grottes)</translation>
    </message>
    <message>
      <location filename="../ui/area_choices.py" line="16" />
      <source>Montpellier</source>
      <translation>Montpellier</translation>
    </message>
    <message>
      <location filename="../ui/area_choices.py" line="16" />
      <source>Carcassonne</source>
      <translation>Carcassonne</translation>
    </message>
    <message>
      <location filename="../ui/area_choices.py" line="17" />
      <source>Overview</source>
      <translation>Vue d'ensemble</translation>
    </message>
    <message>
      <location filename="../ui/area_choices.py" line="17" />
      <source>Regional</source>
      <translation>Régional</translation>
    </message>
    <message>
      <location filename="../ui/area_choices.py" line="17" />
      <source>Local</source>
      <translation>Local</translation>
    </message>
    <message>
      <location filename="../ui/area_choices.py" line="17" />
      <source>High detail</source>
      <translation>Grand détail</translation>
    </message>
    <message>
      <location filename="../ui/area_choices.py" line="26" />
      <source>≈ {} to {}</source>
      <translation>≈ {} à {}</translation>
    </message>
    <message>
      <location filename="../ui/area_layer.py" line="30" />
      <source>Reading the polygons of '{}'…</source>
      <translation>Lecture des polygones de « {} »…</translation>
    </message>
    <message>
      <location filename="../ui/area_layer.py" line="103" />
      <source>The layer '{}' chosen as the area is no longer in the project: pick the polygon layer to use (the area stays unset until you do).</source>
      <translation>La couche « {} » choisie comme zone n'est plus dans le projet : choisissez la couche de polygones à utiliser (la zone reste vide d'ici là).</translation>
    </message>
    <message>
      <location filename="../ui/area_layer.py" line="105" />
      <source>Pick a polygon layer of the project (or add one).</source>
      <translation>Choisissez une couche de polygones du projet (ou ajoutez-en une).</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="71" />
      <source>{}: zoom {}–{}, {}</source>
      <translation>{} : zoom {}–{}, {}</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="73" />
      <source>Custom zoom levels</source>
      <translation>Niveaux de zoom personnalisés</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="81" />
      <source>Plan IGN from your library when it is there, else from the server of the Download tab (needs the network)</source>
      <translation>Plan IGN de votre bibliothèque s'il y est, sinon du serveur de l'onglet de téléchargement (réseau nécessaire)</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="105" />
      <source>IGN Offline: read the area's polygons</source>
      <translation>IGN Hors ligne : lecture des polygones de la zone</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="132" />
      <source>Map canvas extent (follows the map)</source>
      <translation>Emprise de la carte (suit la carte)</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="133" />
      <source>Polygons of a layer…</source>
      <translation>Polygones d'une couche…</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="134" />
      <source>Rectangle drawn on the map</source>
      <translation>Rectangle dessiné sur la carte</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="135" />
      <source>Coordinates typed in</source>
      <translation>Coordonnées saisies</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="137" />
      <source>Saved: {}</source>
      <translation>Enregistrée : {}</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="158" />
      <source>Draw a rectangle on the map first (button "Draw on the map").</source>
      <translation>Dessinez d'abord un rectangle sur la carte (bouton « Dessiner sur la carte »).</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="162" />
      <source>Typed area</source>
      <translation>Zone saisie</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="167" />
      <source>The saved area '{}' is gone: pick another area.</source>
      <translation>La zone enregistrée « {} » n'existe plus : choisissez une autre zone.</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="175" />
      <source>Map canvas extent</source>
      <translation>Emprise de la carte</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="220" />
      <source>Save area</source>
      <translation>Enregistrer la zone</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="220" />
      <source>Name of this area (its bounding box is kept):</source>
      <translation>Nom de cette zone (son rectangle englobant est gardé) :</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="283" />
      <source>Zoom {} ≈ {} … zoom {} ≈ {} (at the latitude of Occitanie; the SCAN 25 map is 1:25 000, zoom 14).</source>
      <translation>Zoom {} ≈ {} … zoom {} ≈ {} (à la latitude de l'Occitanie ; la carte SCAN 25 est au 1:25 000, zoom 14).</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.py" line="56" />
      <source>Scanning {}…</source>
      <translation>Analyse de {}…</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.py" line="59" />
      <source>IGN Offline: scan the QGIS cache</source>
      <translation>IGN Hors ligne : analyse du cache de QGIS</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.py" line="72" />
      <source>{}, {}, {}.</source>
      <translation>{}, {}, {}.</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.py" line="72" />
      <source>{:,} file</source>
      <translation>{:,} fichier</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.py" line="72" />
      <source>{:,} files</source>
      <translation>{:,} fichiers</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.py" line="73" />
      <source>{:,} tile set</source>
      <translation>{:,} jeu de tuiles</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.py" line="73" />
      <source>{:,} tile sets</source>
      <translation>{:,} jeux de tuiles</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.py" line="74" />
      <source>{:,} file skipped</source>
      <translation>{:,} fichier ignoré</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.py" line="74" />
      <source>{:,} files skipped</source>
      <translation>{:,} fichiers ignorés</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.py" line="79" />
      <source>Recovery</source>
      <translation>Récupération</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.py" line="90" />
      <source>The recovery</source>
      <translation>La récupération</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.py" line="94" />
      <source>{:,} tile recovered from the QGIS cache into {}.</source>
      <translation>{:,} tuile récupérée du cache de QGIS dans {}.</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.py" line="94" />
      <source>{:,} tiles recovered from the QGIS cache into {}.</source>
      <translation>{:,} tuiles récupérées du cache de QGIS dans {}.</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="78" />
      <source>new</source>
      <translation>nouveau</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="78" />
      <source>update available</source>
      <translation>mise à jour disponible</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="78" />
      <source>up to date</source>
      <translation>à jour</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="79" />
      <source>not published here</source>
      <translation>non publié ici</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="79" />
      <source>available</source>
      <translation>disponible</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="79" />
      <source>⚠ failed</source>
      <translation>⚠ échec</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="80" />
      <source>cancelled</source>
      <translation>annulé</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="217" />
      <source>Tick products, then list them for the area.</source>
      <translation>Cochez des produits, puis listez-les pour la zone.</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="227" />
      <source>Fetch what the listing says is new or updated, check it, extract it into the library</source>
      <translation>Télécharger ce que la liste indique comme nouveau ou mis à jour, le vérifier, l'extraire dans la bibliothèque</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="228" />
      <source>List the datasets for this area first</source>
      <translation>Listez d'abord les jeux de données de cette zone</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="243" />
      <source>Tick at least one product to list.</source>
      <translation>Cochez au moins un produit à lister.</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="249" />
      <source>The listing</source>
      <translation>La liste</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="258" />
      <source>Listing cancelled.</source>
      <translation>Liste annulée.</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="262" />
      <source>The area, products or library changed during the listing: list again.</source>
      <translation>La zone, les produits ou la bibliothèque ont changé pendant la liste : listez de nouveau.</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="269" />
      <source>The listing could not be read: list again.</source>
      <translation>La liste n'a pas pu être lue : listez de nouveau.</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="306" />
      <source>The service lists no edition of these products for this area.</source>
      <translation>Le service ne liste aucune édition de ces produits pour cette zone.</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="310" />
      <source>Total: {:,} dataset, {}, up to date in the library: nothing to download.</source>
      <translation>Total : {:,} jeu de données, {}, à jour dans la bibliothèque : rien à télécharger.</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="310" />
      <source>Total: {:,} datasets, {}, all up to date in the library: nothing to download.</source>
      <translation>Total : {:,} jeux de données, {}, tous à jour dans la bibliothèque : rien à télécharger.</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="313" />
      <source>Total: {:,} dataset, {}; to download: {} ({}).</source>
      <translation>Total : {:,} jeu de données, {} ; à télécharger : {} ({}).</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="313" />
      <source>Total: {:,} datasets, {}; to download: {} ({}).</source>
      <translation>Total : {:,} jeux de données, {} ; à télécharger : {} ({}).</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="316" />
      <source>{:,} dataset new or updated</source>
      <translation>{:,} nouveau ou mis à jour</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="316" />
      <source>{:,} datasets new or updated</source>
      <translation>{:,} nouveaux ou mis à jour</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="325" />
      <source>The download ({}) needs about {} with its extraction, more than the {} free on the disk holding {}: free some space, untick products or choose another library folder.</source>
      <translation>Le téléchargement ({}) demande environ {} avec son extraction, plus que les {} libres sur le disque de {} : libérez de la place, décochez des produits ou choisissez un autre dossier de bibliothèque.</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="337" />
      <source>This is a very large download ({}; about {} with its extraction): BD ORTHO weighs tens of GB per département. Untick it or reduce the area unless you mean it.</source>
      <translation>C'est un très gros téléchargement ({} ; environ {} avec son extraction) : la BD ORTHO pèse des dizaines de Go par département. Décochez-la ou réduisez la zone, sauf si c'est voulu.</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="365" />
      <source>A very large download</source>
      <translation>Un très gros téléchargement</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="365" />
      <source>{} Start it all the same?</source>
      <translation>{} Le lancer quand même ?</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="374" />
      <source>The area changed since the listing: list again.</source>
      <translation>La zone a changé depuis la liste : listez de nouveau.</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="387" />
      <source>Nothing started: untick products or reduce the area.</source>
      <translation>Rien n'a été lancé : décochez des produits ou réduisez la zone.</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="424" />
      <source>{:,} dataset failed: {} (the log says why); Download tries it again.</source>
      <translation>{:,} jeu de données en échec : {} (le journal dit pourquoi) ; Télécharger le retentera.</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="424" />
      <source>{:,} datasets failed: {} (the log says why); Download tries them again.</source>
      <translation>{:,} jeux de données en échec : {} (le journal dit pourquoi) ; Télécharger les retentera.</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="433" />
      <source>The download</source>
      <translation>Le téléchargement</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="437" />
      <source>Datasets: {:,} file downloaded ({}) into {}.</source>
      <translation>Jeux de données : {:,} fichier téléchargé ({}) dans {}.</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="437" />
      <source>Datasets: {:,} files downloaded ({}) into {}.</source>
      <translation>Jeux de données : {:,} fichiers téléchargés ({}) dans {}.</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="450" />
      <source>Datasets up to date: nothing changed on the service since the last download.</source>
      <translation>Jeux de données à jour : rien n'a changé sur le service depuis le dernier téléchargement.</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="467" />
      <source>Tick at least one product to add to the plan.</source>
      <translation>Cochez au moins un produit à ajouter au plan.</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="479" />
      <source>Already in the plan: nothing added.</source>
      <translation>Déjà dans le plan : rien n'a été ajouté.</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="481" />
      <source>{} entry added to the plan {}.</source>
      <translation>{} entrée ajoutée au plan {}.</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="481" />
      <source>{} entries added to the plan {}.</source>
      <translation>{} entrées ajoutées au plan {}.</translation>
    </message>
    <message>
      <location filename="../ui/datasets_page.py" line="506" />
      <source>No file manager could be opened: the datasets are in {}</source>
      <translation>Aucun gestionnaire de fichiers n'a pu être ouvert : les jeux de données sont dans {}</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="58" />
      <source>Géoplateforme layers</source>
      <translation>Couches Géoplateforme</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="60" />
      <source>Orthophotos, MNS (FTP)</source>
      <translation>Orthophotos et MNS (FTP)</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="62" />
      <source>IGN datasets</source>
      <translation>Données IGN</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="64" />
      <source>QGIS cache</source>
      <translation>Cache QGIS</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="66" />
      <source>My library</source>
      <translation>Ma bibliothèque</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="68" />
      <source>Field</source>
      <translation>Terrain</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="84" />
      <source>Ticked only</source>
      <translation>Cochées seulement</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="85" />
      <source>Show only the layers ticked</source>
      <translation>N'afficher que les couches cochées</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="87" />
      <source>Styles of vector layers</source>
      <translation>Styles des couches vectorielles</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="88" />
      <source>Every style of the layer (switch among them offline)</source>
      <translation>Tous les styles de la couche (à changer hors ligne)</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="89" />
      <source>Only the layer's first style</source>
      <translation>Seulement le premier style de la couche</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="90" />
      <source>Only the styles ticked below</source>
      <translation>Seulement les styles cochés ci-dessous</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="91" />
      <source>The styles saved beside the file, to switch among offline: untick those you do not want</source>
      <translation>Les styles enregistrés à côté du fichier, pour passer de l'un à l'autre hors ligne : décochez ceux dont vous ne voulez pas</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="96" />
      <source>Vector tiles are drawn by a style saved beside their file: one download gives every look IGN publishes for the layer</source>
      <translation>Les tuiles vectorielles sont dessinées par un style enregistré à côté de leur fichier : un seul téléchargement donne tous les rendus que l'IGN publie pour la couche</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="223" />
      <source>Not a layer of this server: {}. Check the identifier, or untick it (Read layers lists the server's layers).</source>
      <translation>Couche inconnue de ce serveur : {}. Vérifiez l'identifiant ou décochez-la (Lire les couches liste les couches du serveur).</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="236" />
      <source>An XYZ address is one layer: it goes to {}.</source>
      <translation>Une adresse XYZ est une seule couche : elle va dans {}.</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="239" />
      <source>{:,} layer ticked, its file in {}</source>
      <translation>{:,} couche cochée, son fichier dans {}</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="239" />
      <source>{:,} layers ticked, one file each in {}</source>
      <translation>{:,} couches cochées, un fichier chacune dans {}</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="242" />
      <source>Tick the layers to download (Read layers lists all of the server's).</source>
      <translation>Cochez les couches à télécharger (« Lire les couches » liste toutes celles du serveur).</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="249" />
      <source>Give the server: the Géoplateforme, a WMTS address or an XYZ address.</source>
      <translation>Indiquez le serveur : la Géoplateforme, une adresse WMTS ou une adresse XYZ.</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="252" />
      <source>Tick at least one layer (or type its identifier in the search box and press Enter).</source>
      <translation>Cochez au moins une couche (ou tapez son identifiant dans la recherche et appuyez sur Entrée).</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="284" />
      <source>⚠ Licence: {}.</source>
      <translation>⚠ Licence : {}.</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="299" />
      <source>Pick an OAuth2 account to sign in (a key needs no sign-in).</source>
      <translation>Choisissez un compte OAuth2 pour vous connecter (une clé n'en a pas besoin).</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="305" />
      <source>Signed in with {}.</source>
      <translation>Connecté avec {}.</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="313" />
      <source>Signing in with {}: continue in your browser…</source>
      <translation>Connexion avec {} : continuez dans votre navigateur…</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="314" />
      <source>IGN Offline: sign in</source>
      <translation>IGN Hors ligne : connexion</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="329" />
      <source>Reading the layers of {}…</source>
      <translation>Lecture des couches de {}…</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="347" />
      <source>{} layers.</source>
      <translation>{} couches.</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="360" />
      <source>IGN Offline: read layers</source>
      <translation>IGN Hors ligne : lecture des couches</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="396" />
      <source>Tick at least one style of {} (it is drawn with a style saved beside its file).</source>
      <translation>Cochez au moins un style de {} (elle est dessinée avec un style enregistré à côté de son fichier).</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="438" />
      <source>Nothing downloaded: reduce the area or the zooms.</source>
      <translation>Rien n'a été téléchargé : réduisez la zone ou les zooms.</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="470" />
      <source>The estimate</source>
      <translation>L'estimation</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="478" />
      <source>Total</source>
      <translation>Total</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="479" />
      <source>{:,} layer</source>
      <translation>{:,} couche</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="479" />
      <source>{:,} layers</source>
      <translation>{:,} couches</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="480" />
      <source>Estimate: {:,} tile, about {}, about {} for {}.</source>
      <translation>Estimation : {:,} tuile, environ {}, environ {} pour {}.</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="480" />
      <source>Estimate: {:,} tiles, about {}, about {} for {}.</source>
      <translation>Estimation : {:,} tuiles, environ {}, environ {} pour {}.</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="531" />
      <source>{}: {}, {}, {}, {}.</source>
      <translation>{} : {}, {}, {}, {}.</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="534" />
      <source>{:,} tile downloaded</source>
      <translation>{:,} tuile téléchargée</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="534" />
      <source>{:,} tiles downloaded</source>
      <translation>{:,} tuiles téléchargées</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="535" />
      <source>{:,} was already there</source>
      <translation>{:,} déjà présente</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="535" />
      <source>{:,} were already there</source>
      <translation>{:,} déjà présentes</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="536" />
      <source>{:,} was empty</source>
      <translation>{:,} vide</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="536" />
      <source>{:,} were empty</source>
      <translation>{:,} vides</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="537" />
      <source>{:,} failed</source>
      <translation>{:,} en échec</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="539" />
      <source>Not downloaded: {}.</source>
      <translation>Non téléchargées : {}.</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="559" />
      <source>{}: no style could be saved ({}); the layer is drawn with QGIS's default look. Save its styles again later (Save vector tile styles).</source>
      <translation>{} : aucun style n'a pu être enregistré ({}) ; la couche est dessinée avec l'apparence par défaut de QGIS. Enregistrez ses styles plus tard (Enregistrer les styles de tuiles vectorielles).</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="561" />
      <source>see the IGN Offline panel</source>
      <translation>voir le panneau IGN Hors ligne</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="72" />
      <source>IGN Offline: measure the export</source>
      <translation>IGN Hors ligne : mesure de l'export</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="78" />
      <source>IGN Offline: measure the device copies' patches</source>
      <translation>IGN Offline : mesurer les correctifs des copies des appareils</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="82" />
      <source>No limit</source>
      <translation>Sans limite</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="83" />
      <source>2000 MB (apps)</source>
      <translation>2000 Mo (applications)</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="84" />
      <source>4000 MB (FAT32 SD card)</source>
      <translation>4000 Mo (carte SD en FAT32)</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="85" />
      <source>Custom</source>
      <translation>Personnalisée</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="159" />
      <source>IGN Offline: read the library</source>
      <translation>IGN Hors ligne : lecture de la bibliothèque</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="183" />
      <source>no tile</source>
      <translation>aucune tuile</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="212" />
      <source>Measuring the export…</source>
      <translation>Mesure de l'export…</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="234" />
      <source>The library folder {} holds no MBTiles yet: download layers first.</source>
      <translation>Le dossier de la bibliothèque {} ne contient encore aucun MBTiles : téléchargez d'abord des couches.</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="235" />
      <source>Tick library files to export (or everything for this area).</source>
      <translation>Cochez les fichiers de la bibliothèque à exporter (ou tout pour cette zone).</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="240" />
      <source>The ticked files hold no tile in this area at these zooms: pick another area or zooms.</source>
      <translation>Les fichiers cochés ne contiennent aucune tuile dans cette zone à ces zooms : choisissez une autre zone ou d'autres zooms.</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="241" />
      <source>Expected: {:,} tiles, about {} in {} file.</source>
      <translation>Prévu : {:,} tuiles, environ {} en {} fichier.</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="241" />
      <source>Expected: {:,} tiles, about {} in {} files.</source>
      <translation>Prévu : {:,} tuiles, environ {} en {} fichiers.</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="244" />
      <source>Files over {:,} MB are split into parts.</source>
      <translation>Les fichiers de plus de {:,} Mo sont découpés en parties.</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="263" />
      <source>{}: no tile in this area at zooms {}-{}, left out.</source>
      <translation>{} : aucune tuile dans cette zone aux zooms {}-{}, laissé de côté.</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="285" />
      <source>Nothing to export: tick library files that hold tiles at these zooms.</source>
      <translation>Rien à exporter : cochez des fichiers de la bibliothèque qui contiennent des tuiles à ces zooms.</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="288" />
      <source>The export</source>
      <translation>L'export</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="295" />
      <source>{:,} file exported into {}.</source>
      <translation>{:,} fichier exporté dans {}.</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="295" />
      <source>{:,} files exported into {}.</source>
      <translation>{:,} fichiers exportés dans {}.</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="302" />
      <source>No file manager could be opened: the exports are in {}</source>
      <translation>Aucun gestionnaire de fichiers n'a pu être ouvert : les exports sont dans {}</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="310" />
      <source>Measuring the patches of the device copies…</source>
      <translation>Mesure des correctifs des copies des appareils…</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="342" />
      <source>Choose a copy, then Update: in place when it can be written, else its patch is written into the library's exports/patches folder, to carry.</source>
      <translation>Choisissez une copie, puis Mettre à jour : sur place quand elle peut être écrite, sinon son correctif est écrit dans le dossier exports/patches de la bibliothèque, à emporter.</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="345" />
      <source>No device copy yet: export MBTiles above, or add an offline project folder.</source>
      <translation>Aucune copie d'appareil pour l'instant : exportez des MBTiles ci-dessus, ou ajoutez un dossier de projet hors ligne.</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="352" />
      <source>not there: connect the device, then Measure</source>
      <translation>absente : branchez l'appareil, puis Mesurer</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="354" />
      <source>written {:,} day ago</source>
      <translation>écrite il y a {:,} jour</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="354" />
      <source>written {:,} days ago</source>
      <translation>écrite il y a {:,} jours</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="355" />
      <source>written today</source>
      <translation>écrite aujourd'hui</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="357" />
      <source>no MBTiles</source>
      <translation>aucun MBTiles</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="359" />
      <source>patch {} ({:,} tile)</source>
      <translation>correctif de {} ({:,} tuile)</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="359" />
      <source>patch {} ({:,} tiles)</source>
      <translation>correctif de {} ({:,} tuiles)</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="364" />
      <source>{:,} file cannot be patched</source>
      <translation>{:,} fichier ne peut pas être corrigé</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="364" />
      <source>{:,} files cannot be patched</source>
      <translation>{:,} fichiers ne peuvent pas être corrigés</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="375" />
      <source>Offline project folder</source>
      <translation>Dossier du projet hors ligne</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="391" />
      <source>Choose a device copy in the list first.</source>
      <translation>Choisissez d'abord une copie d'appareil dans la liste.</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="395" />
      <source>{} is not there: connect the device (or its card), then Measure.</source>
      <translation>{} est absent : branchez l'appareil (ou sa carte), puis Mesurer.</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="407" />
      <source>No file of this copy can be patched: see the reasons in its tooltip.</source>
      <translation>Aucun fichier de cette copie ne peut être corrigé : voyez les raisons dans son info-bulle.</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="443" />
      <source>{:,} older patch of {} removed: a device that far behind moves less by a fresh copy of the file.</source>
      <translation>{:,} correctif plus ancien de {} supprimé : un appareil aussi en retard transfère moins avec une copie récente du fichier.</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="443" />
      <source>{:,} older patches of {} removed: a device that far behind moves less by a fresh copy of the file.</source>
      <translation>{:,} correctifs plus anciens de {} supprimés : un appareil aussi en retard transfère moins avec une copie récente du fichier.</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="467" />
      <source>, then </source>
      <translation>, puis </translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="471" />
      <source>The update</source>
      <translation>La mise à jour</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="480" />
      <source>{}: {} moved by patches, where a full copy would move {}.</source>
      <translation>{} : {} transférés par correctifs, là où une copie complète transférerait {}.</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="484" />
      <source>{} is already current: no patch written, the patches kept in {} left as they are.</source>
      <translation>{} est déjà à jour : aucun correctif écrit, les correctifs gardés dans {} laissés tels quels.</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="487" />
      <source>{} updated in place. For the device's copy of it, the patches kept in {}, to apply in order from the one starting at the copy's own hash (apply_patch, or martin's mbtiles apply-patch): {}.</source>
      <translation>{} mis à jour sur place. Pour sa copie sur l'appareil, les correctifs gardés dans {}, à appliquer dans l'ordre à partir de celui qui part de l'empreinte de la copie (apply_patch, ou mbtiles apply-patch de martin) : {}.</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="492" />
      <source>{} cannot be written here: {:,} patch written into {}, to carry to the device and apply there (apply_patch, or martin's mbtiles apply-patch): {}.</source>
      <translation>{} ne peut pas être écrit ici : {:,} correctif écrit dans {}, à emporter sur l'appareil et à y appliquer (apply_patch, ou mbtiles apply-patch de martin) : {}.</translation>
    </message>
    <message>
      <location filename="../ui/field_page.py" line="492" />
      <source>{} cannot be written here: {:,} patches written into {}, to carry to the device and apply there (apply_patch, or martin's mbtiles apply-patch): {}.</source>
      <translation>{} ne peut pas être écrit ici : {:,} correctifs écrits dans {}, à emporter sur l'appareil et à y appliquer (apply_patch, ou mbtiles apply-patch de martin) : {}.</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="44" />
      <source>Orthophoto (high resolution)</source>
      <translation>Orthophoto (haute résolution)</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="44" />
      <source>Orthophoto</source>
      <translation>Orthophoto</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="44" />
      <source>Surface model (MNS)</source>
      <translation>Modèle numérique de surface (MNS)</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="45" />
      <source>Terrain model (MNT)</source>
      <translation>Modèle numérique de terrain (MNT)</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="46" />
      <source>natural colours (RVB)</source>
      <translation>couleurs naturelles (RVB)</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="46" />
      <source>infrared false colours (IRC)</source>
      <translation>infrarouge fausses couleurs (IRC)</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="49" />
      <source>{:.2f} m pixels</source>
      <translation>pixels de {:.2f} m</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="51" />
      <source>département {}</source>
      <translation>département {}</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="111" />
      <source>Listing {}…</source>
      <translation>Liste des produits de {}…</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="112" />
      <source>IGN Offline: list FTP products</source>
      <translation>IGN Hors ligne : liste des produits FTP</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="124" />
      <source>{:,} product.</source>
      <translation>{:,} produit.</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="124" />
      <source>{:,} products.</source>
      <translation>{:,} produits.</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="191" />
      <source>{:,} of {:,} tile in the area ({}), drawn in blue.</source>
      <translation>{:,} dalle sur {:,} dans la zone ({}), dessinée en bleu.</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="191" />
      <source>{:,} of {:,} tiles in the area ({}), drawn in blue.</source>
      <translation>{:,} dalles sur {:,} dans la zone ({}), dessinées en bleu.</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="195" />
      <source>No tile of this product in the area: it covers département {}. “Use its coverage as the area” picks where it has tiles.</source>
      <translation>Aucune dalle de ce produit dans la zone : il couvre le département {}. « Prendre son emprise comme zone » choisit là où il a des dalles.</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="210" />
      <source>List the products and pick one first.</source>
      <translation>Listez d'abord les produits et choisissez-en un.</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="235" />
      <source>The FTP download</source>
      <translation>Le téléchargement FTP</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="240" />
      <source>{}: {:,} file downloaded ({}), {:,} already there, {:,} failed.</source>
      <translation>{} : {:,} fichier téléchargé ({}), {:,} déjà présent(s), {:,} en échec.</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="240" />
      <source>{}: {:,} files downloaded ({}), {:,} already there, {:,} failed.</source>
      <translation>{} : {:,} fichiers téléchargés ({}), {:,} déjà présent(s), {:,} en échec.</translation>
    </message>
    <message>
      <location filename="../ui/large_jobs.py" line="20" />
      <source>This is a very large download: {}, {} ({}), and the disk holding {} has {} free. Start it all the same?</source>
      <translation>Ce téléchargement est très gros : {}, {} ({}), et le disque qui contient {} a {} de libre. Le lancer quand même ?</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="46" />
      <source>{}%</source>
      <translation>{} %</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="56" />
      <source>Polygon in the plan ({})</source>
      <translation>Polygone du plan ({})</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="72" />
      <source>Plans (*.json)</source>
      <translation>Plans (*.json)</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="88" />
      <source>Style of the selected vector file: choosing one draws it so (offline, from the styles saved beside it), loading it if needed</source>
      <translation>Style du fichier vectoriel sélectionné : en choisir un le dessine ainsi (hors ligne, avec les styles enregistrés à côté), en le chargeant si besoin</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="109" />
      <source>The plan's estimate</source>
      <translation>L'estimation du plan</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="109" />
      <source>The plan</source>
      <translation>Le plan</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="128" />
      <source>Entries not run: {} (see the IGN Offline panel).</source>
      <translation>Entrées non exécutées : {} (voyez le panneau IGN Hors ligne).</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="130" />
      <source>Library: {:,} tiles downloaded, {:,} failed.</source>
      <translation>Bibliothèque : tuiles téléchargées : {:,}, en échec : {:,}.</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="136" />
      <source>The plan's estimate is ready: see the IGN Offline panel.</source>
      <translation>L'estimation du plan est prête : voir le panneau IGN Hors ligne.</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="138" />
      <source>The plan has run: see the IGN Offline panel.</source>
      <translation>Le plan a été exécuté : voir le panneau IGN Hors ligne.</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="147" />
      <source>The library's refresh</source>
      <translation>Le rafraîchissement de la bibliothèque</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="158" />
      <source>Library refreshed: nothing changed.</source>
      <translation>Bibliothèque rafraîchie : rien n'a changé.</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="160" />
      <source>Library refreshed: tiles new {:,}, changed {:,}, gone {:,}; dataset files new {:,}, changed {:,}; {} received.</source>
      <translation>Bibliothèque rafraîchie : tuiles nouvelles {:,}, modifiées {:,}, disparues {:,} ; fichiers de données nouveaux {:,}, modifiés {:,} ; {} reçus.</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="185" />
      <source>The server's key is not written into the plan (a file in clear): run the plan with the key as an account (AUTHCFG).</source>
      <translation>La clé du serveur n'est pas écrite dans le plan (un fichier en clair) : lancez le plan avec la clé comme compte (AUTHCFG).</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="221" />
      <source>Select the plan's entries to change in the table first.</source>
      <translation>Sélectionnez d'abord dans le tableau les entrées du plan à modifier.</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="228" />
      <source>{} entry of the plan changed.</source>
      <translation>{} entrée du plan modifiée.</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="228" />
      <source>{} entries of the plan changed.</source>
      <translation>{} entrées du plan modifiées.</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="236" />
      <source>Select the plan's entries to remove in the table first.</source>
      <translation>Sélectionnez d'abord dans le tableau les entrées du plan à retirer.</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="238" />
      <source>{} entry removed from the plan.</source>
      <translation>{} entrée retirée du plan.</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="238" />
      <source>{} entries removed from the plan.</source>
      <translation>{} entrées retirées du plan.</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="274" />
      <source>The library folder {} does not exist yet: download something first.</source>
      <translation>Le dossier de la bibliothèque {} n'existe pas encore : téléchargez d'abord quelque chose.</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="319" />
      <source>{} file in the library.</source>
      <translation>{} fichier dans la bibliothèque.</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="319" />
      <source>{} files in the library.</source>
      <translation>{} fichiers dans la bibliothèque.</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="354" />
      <source>{}: style '{}'.</source>
      <translation>{} : style « {} ».</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="370" />
      <source>Library coverage</source>
      <translation>Couverture de la bibliothèque</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="382" />
      <source>The coverage</source>
      <translation>La couverture</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="393" />
      <source>Save the project first: its offline copy is made from the saved file.</source>
      <translation>Enregistrez d'abord le projet : sa copie hors ligne est faite à partir du fichier enregistré.</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="396" />
      <source>The project has unsaved changes: the offline copy is made from the saved file.</source>
      <translation>Le projet a des modifications non enregistrées : la copie hors ligne est faite à partir du fichier enregistré.</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="445" />
      <source>Nothing started: reduce the area or the zooms.</source>
      <translation>Rien n'a été lancé : réduisez la zone ou les zooms.</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="457" />
      <source>Offline project ready: {} (copy the whole folder)</source>
      <translation>Projet hors ligne prêt : {} (copiez le dossier entier)</translation>
    </message>
    <message>
      <location filename="../ui/overview.py" line="139" />
      <source>Overview: Plan IGN v2</source>
      <translation>Vue d'ensemble : Plan IGN v2</translation>
    </message>
    <message>
      <location filename="../ui/overview.py" line="141" />
      <source>The overview basemap cannot be opened ({}): untick it, or download Plan IGN v2 into the library.</source>
      <translation>Le fond de carte d'ensemble ne peut pas être ouvert ({}) : décochez-le, ou téléchargez Plan IGN v2 dans la bibliothèque.</translation>
    </message>
    <message>
      <location filename="../ui/overview.py" line="160" />
      <source>The overview basemap cannot be drawn: {} does not answer ({}). Check the network, or download Plan IGN v2 into the library to see it offline.</source>
      <translation>Le fond de carte d'ensemble ne peut pas être affiché : {} ne répond pas ({}). Vérifiez le réseau, ou téléchargez Plan IGN v2 dans la bibliothèque pour l'avoir hors ligne.</translation>
    </message>
    <message>
      <location filename="../ui/overview.py" line="164" />
      <source>Overview basemap</source>
      <translation>Fond de carte d'ensemble</translation>
    </message>
    <message>
      <location filename="../ui/runner.py" line="37" />
      <source>Download cancelled: what is downloaded is kept; run it again to resume.</source>
      <translation>Téléchargement annulé : ce qui est téléchargé est gardé ; relancez-le pour reprendre.</translation>
    </message>
    <message>
      <location filename="../ui/runner.py" line="39" />
      <source>FTP download cancelled: what is downloaded is kept; run it again to resume.</source>
      <translation>Téléchargement FTP annulé : ce qui est téléchargé est gardé ; relancez-le pour reprendre.</translation>
    </message>
    <message>
      <location filename="../ui/runner.py" line="40" />
      <source>Estimate cancelled.</source>
      <translation>Estimation annulée.</translation>
    </message>
    <message>
      <location filename="../ui/runner.py" line="41" />
      <source>Recovery cancelled: what is recovered is kept; run it again to resume.</source>
      <translation>Récupération annulée : ce qui est récupéré est gardé ; relancez-la pour reprendre.</translation>
    </message>
    <message>
      <location filename="../ui/runner.py" line="46" />
      <source>No file manager could open {}: open that folder yourself.</source>
      <translation>Aucun gestionnaire de fichiers n'a pu ouvrir {} : ouvrez ce dossier vous-même.</translation>
    </message>
    <message>
      <location filename="../ui/runner.py" line="78" />
      <source>IGN Offline: count the tiles</source>
      <translation>IGN Hors ligne : décompte des tuiles</translation>
    </message>
    <message>
      <location filename="../ui/runner.py" line="95" />
      <source>(The same error as above.)</source>
      <translation>(La même erreur que ci-dessus.)</translation>
    </message>
    <message>
      <location filename="../ui/runner.py" line="138" />
      <source>Counting the tiles before starting…</source>
      <translation>Décompte des tuiles avant de commencer…</translation>
    </message>
    <message>
      <location filename="../ui/runner.py" line="156" />
      <source>— {} ({} of {}) —</source>
      <translation>— {} ({} sur {}) —</translation>
    </message>
    <message>
      <location filename="../ui/runner.py" line="158" />
      <source>%p% (run {} of {})</source>
      <translation>%p% (exécution {} sur {})</translation>
    </message>
    <message>
      <location filename="../ui/runner.py" line="187" />
      <source>The last run is not tried: it would stop on the same error.</source>
      <translation>Le dernier traitement n'est pas lancé : il s'arrêterait sur la même erreur.</translation>
    </message>
    <message>
      <location filename="../ui/runner.py" line="187" />
      <source>The {:,} other runs are not tried: they would stop on the same error.</source>
      <translation>Les {:,} autres traitements ne sont pas lancés : ils s'arrêteraient sur la même erreur.</translation>
    </message>
    <message>
      <location filename="../ui/runner.py" line="205" />
      <source>Cancelled</source>
      <translation>Annulé</translation>
    </message>
    <message>
      <location filename="../ui/runner.py" line="210" />
      <source>{:,} run of {:,} done</source>
      <translation>{:,} exécution sur {:,} terminée</translation>
    </message>
    <message>
      <location filename="../ui/runner.py" line="210" />
      <source>{:,} runs of {:,} done</source>
      <translation>{:,} exécutions sur {:,} terminées</translation>
    </message>
    <message>
      <location filename="../ui/runner.py" line="213" />
      <source>Failed</source>
      <translation>Échec</translation>
    </message>
    <message>
      <location filename="../ui/runner.py" line="221" />
      <source>Cancelled: nothing started.</source>
      <translation>Annulé : rien n'a été lancé.</translation>
    </message>
    <message>
      <location filename="../ui/runner.py" line="224" />
      <source>Cancelling…</source>
      <translation>Annulation…</translation>
    </message>
    <message>
      <location filename="../ui/runner.py" line="240" />
      <source>Open folder</source>
      <translation>Ouvrir le dossier</translation>
    </message>
    <message>
      <location filename="../ui/runner.py" line="262" />
      <source>Cancelled: {}. What was done is kept: run it again to resume.</source>
      <translation>Annulé : {}. Ce qui a été fait est conservé : relancez pour reprendre.</translation>
    </message>
    <message>
      <location filename="../ui/server_layers.py" line="22" />
      <source>Plan IGN v2 (the IGN base map)</source>
      <translation>Plan IGN v2 (le fond de carte de l'IGN)</translation>
    </message>
    <message>
      <location filename="../ui/server_layers.py" line="23" />
      <source>SCAN 25 Touristique, the 1:25 000 map (account needed)</source>
      <translation>SCAN 25 Touristique, la carte au 1:25 000 (compte nécessaire)</translation>
    </message>
    <message>
      <location filename="../ui/server_layers.py" line="24" />
      <source>Aerial photographs (orthophotos)</source>
      <translation>Photographies aériennes (orthophotos)</translation>
    </message>
    <message>
      <location filename="../ui/server_layers.py" line="25" />
      <source>Cadastral parcels</source>
      <translation>Parcelles cadastrales</translation>
    </message>
    <message>
      <location filename="../ui/server_layers.py" line="29" />
      <source>Plan IGN, vector tiles (sharp to zoom 19, nine styles)</source>
      <translation>Plan IGN, tuiles vectorielles (net jusqu'au zoom 19, neuf styles)</translation>
    </message>
    <message>
      <location filename="../ui/server_layers.py" line="30" />
      <source>Cadastre, vector tiles (parcels with their numbers)</source>
      <translation>Cadastre, tuiles vectorielles (parcelles avec leur numéro)</translation>
    </message>
    <message>
      <location filename="../ui/server_layers.py" line="31" />
      <source>BD TOPO, vector tiles</source>
      <translation>BD TOPO, tuiles vectorielles</translation>
    </message>
    <message>
      <location filename="../ui/server_layers.py" line="32" />
      <source>Contour lines, vector tiles</source>
      <translation>Courbes de niveau, tuiles vectorielles</translation>
    </message>
    <message>
      <location filename="../ui/server_layers.py" line="44" />
      <source>{} — {} (vector tiles; styles: {})</source>
      <translation>{} — {} (tuiles vectorielles ; styles : {})</translation>
    </message>
    <message>
      <location filename="../ui/server_layers.py" line="45" />
      <source>{} — {} (vector tiles)</source>
      <translation>{} — {} (tuiles vectorielles)</translation>
    </message>
    <message>
      <location filename="../ui/server_layers.py" line="74" />
      <source>{} (typed, not checked yet: the download checks it with the server)</source>
      <translation>{} (saisie, pas encore vérifiée : le téléchargement la vérifie auprès du serveur)</translation>
    </message>
    <message>
      <location filename="../ui/server_layers.py" line="105" />
      <source>The layers of {} cannot be read: {}. Check the address and the network.</source>
      <translation>Les couches de {} ne peuvent pas être lues : {}. Vérifiez l'adresse et le réseau.</translation>
    </message>
    <message>
      <location filename="../ui/startup_refresh.py" line="57" />
      <source>IGN Offline: is the library due for a refresh?</source>
      <translation>IGN Hors ligne : la bibliothèque est-elle à rafraîchir ?</translation>
    </message>
    <message>
      <location filename="../ui/startup_refresh.py" line="68" />
      <source>The library is due for a refresh, but the page is busy: run Refresh when it is done.</source>
      <translation>La bibliothèque est à rafraîchir, mais la page est occupée : lancez Rafraîchir quand elle aura fini.</translation>
    </message>
    <message>
      <location filename="../ui/startup_refresh.py" line="74" />
      <source>The library's refresh at start did not run: {}</source>
      <translation>Le rafraîchissement de la bibliothèque au démarrage n'a pas eu lieu : {}</translation>
    </message>
    <message>
      <location filename="../ui/tile_counts.py" line="42" />
      <source>Longitude {}° to {}°, latitude {}° to {}°</source>
      <translation>Longitude {}° à {}°, latitude {}° à {}°</translation>
    </message>
    <message>
      <location filename="../ui/tile_counts.py" line="60" />
      <source>Counting the tiles of {}…</source>
      <translation>Décompte des tuiles de {}…</translation>
    </message>
    <message>
      <location filename="../ui/tile_counts.py" line="75" />
      <source>Total: {} tiles per layer</source>
      <translation>Total : {} tuiles par couche</translation>
    </message>
    <message>
      <location filename="../ui/tile_counts.py" line="78" />
      <source>Total: over {} tiles per layer, a very large job (counting stopped there: reduce the area or the zooms).</source>
      <translation>Total : plus de {} tuiles par couche, une très grosse tâche (décompte arrêté là : réduisez la zone ou les zooms).</translation>
    </message>
    <message>
      <source>Account or API key in the QGIS authentication database (private layers: Basic with the key, or OAuth2)</source>
      <translation type="obsolete">Compte ou clé d'API dans la base d'authentification de QGIS (couches privées : Basic avec la clé, ou OAuth2)</translation>
    </message>
    <message>
      <source>Area: {} ({:.5f}, {:.5f}, {:.5f}, {:.5f})</source>
      <translation type="obsolete">Zone : {} ({:.5f}, {:.5f}, {:.5f}, {:.5f})</translation>
    </message>
    <message>
      <source>Cache folder, the one holding data8/ (default: this QGIS's)</source>
      <translation type="obsolete">Dossier du cache, celui qui contient data8/ (par défaut : celui de ce QGIS)</translation>
    </message>
    <message>
      <source>Coverage (one feature per file and zoom)</source>
      <translation type="obsolete">Couverture (une entité par fichier et par zoom)</translation>
    </message>
    <message>
      <source>Draw a rectangle on the map first (button below).</source>
      <translation type="obsolete">Dessinez d'abord un rectangle sur la carte (bouton ci-dessous).</translation>
    </message>
    <message>
      <source>Estimate: {} tiles, about {}, about {} for {} layer(s).</source>
      <translation type="obsolete">Estimation : {} tuiles, environ {}, environ {} pour {} couche(s).</translation>
    </message>
    <message>
      <source>Expected: {} in about {} ({} parallel requests, at most {:g}/s).</source>
      <translation type="obsolete">Attendu : {} en environ {} ({} requêtes en parallèle, au plus {:g}/s).</translation>
    </message>
    <message>
      <source>Folder for the MBTiles files (one per tile set)</source>
      <translation type="obsolete">Dossier des fichiers MBTiles (un par jeu de tuiles)</translation>
    </message>
    <message>
      <source>Folder for the offline project (basemaps/ and data/ inside)</source>
      <translation type="obsolete">Dossier du projet hors ligne (basemaps/ et data/ dedans)</translation>
    </message>
    <message>
      <source>Folder for the tiles (one sub-folder per product)</source>
      <translation type="obsolete">Dossier des dalles (un sous-dossier par produit)</translation>
    </message>
    <message>
      <source>Format (default: the layer's own)</source>
      <translation type="obsolete">Format (par défaut : celui de la couche)</translation>
    </message>
    <message>
      <source>Format (mbtiles: QField and most apps; osmand: OsmAnd and Locus; gpkg: GeoPackage; cog: a Cloud-Optimized GeoTIFF, rasters only)</source>
      <translation type="obsolete">Format (mbtiles : QField et la plupart des applications ; osmand : OsmAnd et Locus ; gpkg : GeoPackage ; cog : un GeoTIFF optimisé pour le cloud, rasters seulement)</translation>
    </message>
    <message>
      <source>Go ahead with a very large job (over 10 million tiles, or more than the free disk space)</source>
      <translation type="obsolete">Lancer quand même une très grosse tâche (plus de 10 millions de tuiles, ou plus que l'espace disque libre)</translation>
    </message>
    <message>
      <source>IGN Offline:</source>
      <translation type="obsolete">IGN Hors ligne :</translation>
    </message>
    <message>
      <source>Known from QGIS's connections and projects: {} XYZ layer templates, the capabilities of {} of {} WMTS servers.</source>
      <translation type="obsolete">Connu d'après les connexions et les projets de QGIS : {} modèles de couches XYZ, les capacités de {} serveurs WMTS sur {}.</translation>
    </message>
    <message>
      <source>Layer identifier (from the capabilities; optional for an XYZ template)</source>
      <translation type="obsolete">Identifiant de la couche (d'après les capacités ; facultatif pour un modèle XYZ)</translation>
    </message>
    <message>
      <source>Library folder (its .mbtiles files)</source>
      <translation type="obsolete">Dossier de la bibliothèque (ses fichiers .mbtiles)</translation>
    </message>
    <message>
      <source>Library folder (one &lt;LAYER&gt;.mbtiles per layer)</source>
      <translation type="obsolete">Dossier de la bibliothèque (un &lt;COUCHE&gt;.mbtiles par couche)</translation>
    </message>
    <message>
      <source>Library: {} tiles downloaded, {} failed.</source>
      <translation type="obsolete">Bibliothèque : {} tuiles téléchargées, {} en échec.</translation>
    </message>
    <message>
      <source>MBTiles file ({LAYER} stands for the layer; an existing file of the same layer is resumed or extended)</source>
      <translation type="obsolete">Fichier MBTiles ({LAYER} est remplacé par la couche ; un fichier existant de la même couche est repris ou complété)</translation>
    </message>
    <message>
      <source>MBTiles file, or a raster (VRT, GeoTIFF, JPEG 2000) to re-encode</source>
      <translation type="obsolete">Fichier MBTiles, ou un raster (VRT, GeoTIFF, JPEG 2000) à réencoder</translation>
    </message>
    <message>
      <source>MBTiles files of the same layer (e.g. the shards' files)</source>
      <translation type="obsolete">Fichiers MBTiles de la même couche (p. ex. ceux des différentes machines)</translation>
    </message>
    <message>
      <source>Maximum requests per second to the server (0 = no cap)</source>
      <translation type="obsolete">Requêtes par seconde au serveur, au plus (0 = sans limite)</translation>
    </message>
    <message>
      <source>Merged MBTiles file (new, or one of the same layer to add to)</source>
      <translation type="obsolete">Fichier MBTiles fusionné (nouveau, ou un fichier de la même couche à compléter)</translation>
    </message>
    <message>
      <source>No dataset could be downloaded: {}</source>
      <translation type="obsolete">Aucun jeu de données n'a pu être téléchargé : {}</translation>
    </message>
    <message>
      <source>No layer of the plan could be downloaded: see the messages above.</source>
      <translation type="obsolete">Aucune couche du plan n'a pu être téléchargée : voir les messages ci-dessus.</translation>
    </message>
    <message>
      <source>Not enough free space in '{}' for {}: {} needed, {} free. Free some space or choose another folder.</source>
      <translation type="obsolete">Pas assez d'espace libre dans « {} » pour {} : {} nécessaires, {} libres. Libérez de l'espace ou choisissez un autre dossier.</translation>
    </message>
    <message>
      <source>Offline library to take tiles from first (optional)</source>
      <translation type="obsolete">Bibliothèque hors ligne où prendre d'abord les tuiles (facultatif)</translation>
    </message>
    <message>
      <source>Only estimate (tiles, size, time per layer and zoom; fetch no tile)</source>
      <translation type="obsolete">Seulement estimer (tuiles, taille, durée par couche et par zoom ; aucune tuile récupérée)</translation>
    </message>
    <message>
      <source>Only layers whose identifier contains</source>
      <translation type="obsolete">Seulement les couches dont l'identifiant contient</translation>
    </message>
    <message>
      <source>Only this machine's part, i/n (e.g. 2/3); empty = everything</source>
      <translation type="obsolete">Seulement la part de cette machine, i/n (p. ex. 2/3) ; vide = tout</translation>
    </message>
    <message>
      <source>Password stored in the QGIS authentication database (Basic method)</source>
      <translation type="obsolete">Mot de passe gardé dans la base d'authentification de QGIS (méthode Basic)</translation>
    </message>
    <message>
      <source>Plan (JSON: source, entries of layer, area, zoom_min, zoom_max)</source>
      <translation type="obsolete">Plan (JSON : source, entrées avec couche, zone, zoom_min, zoom_max)</translation>
    </message>
    <message>
      <source>Plan, to say how complete each entry is (optional)</source>
      <translation type="obsolete">Plan, pour dire où en est chaque entrée (facultatif)</translation>
    </message>
    <message>
      <source>Planned output .mbtiles file (the free disk space there is reported)</source>
      <translation type="obsolete">Fichier .mbtiles prévu (l'espace disque libre à cet endroit est indiqué)</translation>
    </message>
    <message>
      <source>Preset area ({})</source>
      <translation type="obsolete">Zone prédéfinie ({})</translation>
    </message>
    <message>
      <source>Product folder (a path as list_ftp_products shows it)</source>
      <translation type="obsolete">Dossier du produit (un chemin tel que list_ftp_products l'affiche)</translation>
    </message>
    <message>
      <source>Project (.qgz/.qgs; default: the current project, saved)</source>
      <translation type="obsolete">Projet (.qgz/.qgs ; par défaut : le projet courant, enregistré)</translation>
    </message>
    <message>
      <source>Re-check tiles older than this many days (empty = never)</source>
      <translation type="obsolete">Revérifier les tuiles de plus de tant de jours (vide = jamais)</translation>
    </message>
    <message>
      <source>Re-check tiles older than this many days (empty = never; 0 = all)</source>
      <translation type="obsolete">Revérifier les tuiles de plus de tant de jours (vide = jamais ; 0 = toutes)</translation>
    </message>
    <message>
      <source>Split into files of at most this many MB (e.g. 2000 for apps, 4000 for FAT32)</source>
      <translation type="obsolete">Découper en fichiers d'au plus tant de Mo (p. ex. 2000 pour les applications, 4000 pour FAT32)</translation>
    </message>
    <message>
      <source>Style (default: the layer's own)</source>
      <translation type="obsolete">Style (par défaut : celui de la couche)</translation>
    </message>
    <message>
      <source>Take z/x/y paths that QGIS does not describe as XYZ rows (top origin): only if you know the server is not a TMS</source>
      <translation type="obsolete">Prendre les chemins z/x/y que QGIS ne décrit pas comme des lignes XYZ (origine en haut) : seulement si vous savez que le serveur n'est pas un TMS</translation>
    </message>
    <message>
      <source>The download service at {} sent no usable answer for {} ({}). Try again later.</source>
      <translation type="obsolete">Le service de téléchargement de {} n'a envoyé aucune réponse utilisable pour {} ({}). Réessayez plus tard.</translation>
    </message>
    <message>
      <source>The overview basemap cannot be opened ({}).</source>
      <translation type="obsolete">Le fond de carte d'ensemble ne peut pas être ouvert ({}).</translation>
    </message>
    <message>
      <source>This is a very large download: {} tiles, about {} (at {} kB a typical tile), and the disk holding {} has {} free. Start it all the same?</source>
      <translation type="obsolete">Ce téléchargement est très gros : {} tuiles, environ {} (à {} ko par tuile typique), et le disque qui contient {} a {} de libre. Le lancer quand même ?</translation>
    </message>
    <message>
      <source>To download: {} ({:,} dataset of a département).</source>
      <translation type="obsolete">À télécharger : {} ({:,} jeu de données d'un département).</translation>
    </message>
    <message>
      <source>To download: {} ({:,} datasets of a département).</source>
      <translation type="obsolete">À télécharger : {} ({:,} jeux de données d'un département).</translation>
    </message>
    <message>
      <source>User name (empty: anonymous)</source>
      <translation type="obsolete">Nom d'utilisateur (vide : anonyme)</translation>
    </message>
    <message>
      <source>WMTS endpoint, or XYZ URL template with {z}/{x}/{y}</source>
      <translation type="obsolete">Adresse du service WMTS, ou modèle d'URL XYZ avec {z}/{x}/{y}</translation>
    </message>
    <message>
      <source>about {:.1f} h at {:g} requests/s</source>
      <translation type="obsolete">environ {:.1f} h à {:g} requêtes/s</translation>
    </message>
    <message>
      <source>found {} ({}) on {}: zooms {}, {} tiles, {}</source>
      <translation type="obsolete">trouvé {} ({}) sur {} : zooms {}, {} tuiles, {}</translation>
    </message>
    <message>
      <source>its compressed data is corrupt ({})</source>
      <translation type="obsolete">ses données compressées sont corrompues ({})</translation>
    </message>
    <message>
      <source>skipped {}: {}</source>
      <translation type="obsolete">ignoré {} : {}</translation>
    </message>
    <message>
      <source>zoom {:&gt;2}: {} per tile ({} sampled, {:.0f} ms each)</source>
      <translation type="obsolete">zoom {:&gt;2} : {} par tuile ({} échantillonnées, {:.0f} ms chacune)</translation>
    </message>
    <message>
      <source>{:,} older patch of {} removed: a device that far behind, or holding an earlier export, moves less by a fresh copy of the file.</source>
      <translation type="obsolete">{:,} correctif plus ancien de {} supprimé : un appareil aussi en retard, ou qui détient un export antérieur, transfère moins avec une copie récente du fichier.</translation>
    </message>
    <message>
      <source>{:,} older patches of {} removed: a device that far behind, or holding an earlier export, moves less by a fresh copy of the file.</source>
      <translation type="obsolete">{:,} correctifs plus anciens de {} supprimés : un appareil aussi en retard, ou qui détient un export antérieur, transfère moins avec une copie récente du fichier.</translation>
    </message>
    <message>
      <source>{} (typed: checked against the server)</source>
      <translation type="obsolete">{} (saisie : vérifiée auprès du serveur)</translation>
    </message>
    <message>
      <source>{} files downloaded ({}), {} already there, {} failed; mosaic: {}</source>
      <translation type="obsolete">{} fichiers téléchargés ({}), {} déjà présents, {} en échec ; mosaïque : {}</translation>
    </message>
    <message>
      <source>{} files merged into {}: {:,} tiles.</source>
      <translation type="obsolete">{} fichiers fusionnés dans {} : {:,} tuiles.</translation>
    </message>
    <message>
      <source>{} files, {} tile sets, {} files skipped.</source>
      <translation type="obsolete">{} fichiers, {} jeux de tuiles, {} fichiers ignorés.</translation>
    </message>
    <message>
      <source>{} layer(s) added to the group '{}'.</source>
      <translation type="obsolete">{} couche(s) ajoutée(s) au groupe « {} ».</translation>
    </message>
    <message>
      <source>{} layer(s) ticked, one file each in {}</source>
      <translation type="obsolete">{} couche(s) cochée(s), un fichier chacune dans {}</translation>
    </message>
    <message>
      <source>{} layer(s): {} tiles downloaded, {} already there, {} empty, {} failed.</source>
      <translation type="obsolete">{} couche(s) : {} tuiles téléchargées, {} déjà présentes, {} vides, {} en échec.</translation>
    </message>
    <message>
      <source>{} of {} tiles in the area ({}), drawn in blue.</source>
      <translation type="obsolete">{} dalles sur {} dans la zone ({}), dessinées en bleu.</translation>
    </message>
    <message>
      <source>{} products.</source>
      <translation type="obsolete">{} produits.</translation>
    </message>
    <message>
      <source>{} tiles recovered from the QGIS cache into {}.</source>
      <translation type="obsolete">{} tuiles récupérées du cache de QGIS dans {}.</translation>
    </message>
    <message>
      <source>{} zoom {:&gt;2}: {:&gt;10,} tiles, {:&gt;10,} already in the library, about {}{}</source>
      <translation type="obsolete">{} zoom {:&gt;2} : {:&gt;10,} tuiles, {:&gt;10,} déjà dans la bibliothèque, environ {}{}</translation>
    </message>
    <message>
      <source>{} {} ({}): the service publishes no such dataset here.</source>
      <translation type="obsolete">{} {} ({}) : le service ne publie pas ce jeu de données ici.</translation>
    </message>
    <message>
      <source>{} {} ({}): {}, {} in {}, {}: {} to download.</source>
      <translation type="obsolete">{} {} ({}) : {}, {} en {}, {} : {} à télécharger.</translation>
    </message>
    <message>
      <source>{} {} ({}): {}, {}: up to date.</source>
      <translation type="obsolete">{} {} ({}) : {}, {} : à jour.</translation>
    </message>
    <message>
      <source>{} {}: cancelled; run again to resume where it stopped.</source>
      <translation type="obsolete">{} {} : annulé ; relancez pour reprendre là où il s'est arrêté.</translation>
    </message>
    <message>
      <source>{} {}: files of the library are missing: they are downloaded again.</source>
      <translation type="obsolete">{} {} : des fichiers de la bibliothèque manquent : ils sont de nouveau téléchargés.</translation>
    </message>
    <message>
      <source>{} {}: {} ready ({}).</source>
      <translation type="obsolete">{} {} : {} prêt ({}).</translation>
    </message>
    <message>
      <source>{}: left as it is, online — {}</source>
      <translation type="obsolete">{} : laissée telle quelle, en ligne — {}</translation>
    </message>
    <message>
      <source>{}: {:,} tiles at zoom {}-{} ({} fetched, {} already there, {} failed), {} → basemaps/{}.mbtiles</source>
      <translation type="obsolete">{} : {:,} tuiles aux zooms {}-{} ({} récupérées, {} déjà présentes, {} en échec), {} → basemaps/{}.mbtiles</translation>
    </message>
    <message>
      <source>{}: {:,} tiles taken from the library</source>
      <translation type="obsolete">{} : {:,} tuiles prises dans la bibliothèque</translation>
    </message>
    <message>
      <source>{}: {} files downloaded ({}), {} already there, {} failed.</source>
      <translation type="obsolete">{} : {} fichiers téléchargés ({}), {} déjà présents, {} en échec.</translation>
    </message>
    <message>
      <source>{}: {} made in {}.</source>
      <translation type="obsolete">{} : {} prêts dans {}.</translation>
    </message>
    <message>
      <source>{}: {} of {} département failed: {}.</source>
      <translation type="obsolete">{} : {} département sur {} en échec : {}.</translation>
    </message>
    <message>
      <source>{}: {} of {} départements failed: {}.</source>
      <translation type="obsolete">{} : {} départements sur {} en échec : {}.</translation>
    </message>
    <message>
      <source>{}: {} tiles at zoom {}-{}{} → {}</source>
      <translation type="obsolete">{} : {} tuiles aux zooms {}-{}{} → {}</translation>
    </message>
    <message>
      <source>{}: {} tiles, {}, {}</source>
      <translation type="obsolete">{} : {} dalles, {}, {}</translation>
    </message>
    <message>
      <source>{}: {} tiles; area in EPSG:{}: {:.0f}, {:.0f}, {:.0f}, {:.0f}</source>
      <translation type="obsolete">{} : {} dalles ; zone en EPSG:{} : {:.0f}, {:.0f}, {:.0f}, {:.0f}</translation>
    </message>
    <message>
      <source>{}: {} zone failed: {} {}</source>
      <translation type="obsolete">{} : {} zone en échec : {} {}</translation>
    </message>
    <message>
      <source>{}: {} zones failed, the first: {} {}</source>
      <translation type="obsolete">{} : {} zones en échec, la première : {} {}</translation>
    </message>
    <message>
      <source>…or the API key itself (never written anywhere)</source>
      <translation type="obsolete">…ou la clé d'API elle-même (jamais écrite nulle part)</translation>
    </message>
    <message>
      <source>…or the polygons of a layer (any CRS; only the tiles meeting them)</source>
      <translation type="obsolete">…ou les polygones d'une couche (tout SCR ; seules les tuiles qui les touchent)</translation>
    </message>
  </context>
  <context>
    <name>IgnOfflineDock</name>
    <message>
      <location filename="../ui/dock.ui" />
      <source>IGN Offline</source>
      <translation>IGN Hors ligne</translation>
    </message>
    <message>
      <location filename="../ui/dock.ui" />
      <source>Library folder</source>
      <translation>Dossier de la bibliothèque</translation>
    </message>
    <message>
      <location filename="../ui/dock.ui" />
      <source>One file per layer, named after it (LAYER.mbtiles): downloading a layer again adds to its file</source>
      <translation>Un fichier par couche, à son nom (COUCHE.mbtiles) : télécharger à nouveau une couche complète son fichier</translation>
    </message>
    <message>
      <location filename="../ui/dock.ui" />
      <source>Open folder</source>
      <translation>Ouvrir le dossier</translation>
    </message>
    <message>
      <source>Library folder: where the files go</source>
      <translation type="obsolete">Dossier de la bibliothèque : où vont les fichiers</translation>
    </message>
  </context>
  <context>
    <name>LibraryPage</name>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Your offline library: one MBTiles per layer, filled from a plan (layers, areas, zooms) and kept fresh. The files are those of the library folder above.</source>
      <translation>Votre bibliothèque hors ligne : un MBTiles par couche, rempli d'après un plan (couches, zones, zooms) et tenu à jour. Les fichiers sont ceux du dossier de la bibliothèque ci-dessus.</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Plan (JSON): layers, areas and zooms to keep. Empty: plan.json in the library folder, made with Add to plan</source>
      <translation>Plan (JSON) : couches, zones et zooms à garder. Vide : plan.json dans le dossier de la bibliothèque, fait avec Ajouter au plan</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Layer</source>
      <translation>Couche</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Area</source>
      <translation>Zone</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Zooms</source>
      <translation>Zooms</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Tiles</source>
      <translation>Tuiles</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Done</source>
      <translation>Fait</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Add the area and zoom levels above, for each layer ticked on the Géoplateforme layers tab, to the plan</source>
      <translation>Ajoute au plan la zone et les niveaux de zoom ci-dessus, pour chaque couche cochée dans l'onglet Couches Géoplateforme</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Add to plan</source>
      <translation>Ajouter au plan</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Give the selected entries the area and zoom levels above</source>
      <translation>Donne aux entrées sélectionnées la zone et les niveaux de zoom ci-dessus</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Use current area and zooms</source>
      <translation>Prendre la zone et les zooms actuels</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Remove the selected entries from the plan (the library's files are kept)</source>
      <translation>Retire du plan les entrées sélectionnées (les fichiers de la bibliothèque sont gardés)</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Remove</source>
      <translation>Retirer</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Estimate</source>
      <translation>Estimer</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Run the plan</source>
      <translation>Exécuter le plan</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Run the plan and re-check tiles older than 30 days (unchanged tiles are kept)</source>
      <translation>Exécuter le plan et revérifier les tuiles de plus de 30 jours (les tuiles inchangées sont gardées)</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Refresh</source>
      <translation>Rafraîchir</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Off unless you switch it on. When QGIS starts, the plan's entries whose refresh_days have passed are refreshed in the background (the network is used only then); the message bar says what changed</source>
      <translation>Désactivé tant que vous ne l'activez pas. Au démarrage de QGIS, les entrées du plan dont les refresh_days sont écoulés sont rafraîchies en arrière-plan (le réseau n'est utilisé qu'alors) ; la barre de messages dit ce qui a changé</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Refresh the library when QGIS starts, in the background, when the plan says it is due</source>
      <translation>Rafraîchir la bibliothèque au démarrage de QGIS, en arrière-plan, quand le plan le prévoit</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>File</source>
      <translation>Fichier</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Size</source>
      <translation>Taille</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Complete</source>
      <translation>Complet</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>List</source>
      <translation>Lister</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Load</source>
      <translation>Charger</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Show coverage</source>
      <translation>Afficher la couverture</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>A copy of this project whose IGN basemaps are MBTiles of the area (the area and zoom levels above), for a laptop or QField</source>
      <translation>Une copie de ce projet dont les fonds IGN sont des MBTiles de la zone (la zone et les zooms ci-dessus), pour un ordinateur portable ou QField</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Make this project offline…</source>
      <translation>Rendre ce projet utilisable hors ligne…</translation>
    </message>
    <message>
      <source>Plan (JSON): layers, areas and zooms to keep</source>
      <translation type="obsolete">Plan (JSON) : couches, zones et zooms à garder</translation>
    </message>
  </context>
</TS>
